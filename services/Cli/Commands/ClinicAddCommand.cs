using System.ComponentModel;
using System.Text.Json;
using RunRestore.Cli.App;
using RunRestore.Cli.Clinics;
using RunRestore.Contracts.Clinics;
using Spectre.Console.Cli;

namespace RunRestore.Cli.Commands;

/// <summary>
/// `runrestore clinic add &lt;id&gt;`: provisions a clinic's broker user (ClinicProvisioning) and prints how its system
/// connects. Running it again rotates the password.
/// </summary>
public sealed class ClinicAddCommand : AsyncCommand<ClinicAddCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<CLINIC>")]
        [Description("Clinic id: lower-case letters, digits and '-', 1-63 characters (the tenant of its tokens)")]
        public string Clinic { get; set; } = "";

        [CommandOption("--management <URL>")]
        [Description("RabbitMQ management API (env RUNRESTORE_RABBIT_MANAGEMENT, default http://127.0.0.1:15679/)")]
        public string? Management { get; set; }

        [CommandOption("--admin <USER:PASSWORD>")]
        [Description("A RabbitMQ administrator (env RUNRESTORE_RABBIT_ADMIN, default guest:guest, the local operators' user)")]
        public string? Admin { get; set; }

        [CommandOption("--amqp <URI>")]
        [Description("The broker's AMQP address the clinic connects to, its path the vhost (env RUNRESTORE_RABBIT_AMQP, default amqp://127.0.0.1:56729/)")]
        public string? Amqp { get; set; }

        [CommandOption("--json")]
        [Description("Print the connection details as one JSON object")]
        public bool Json { get; set; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!ClinicIds.IsValid(settings.Clinic))
        {
            throw new CliUsageException($"'{settings.Clinic}' is no clinic id: lower-case letters, digits and '-', 1-63 characters, starting with a letter or digit");
        }

        var management = UriOption("--management", settings.Management, "RUNRESTORE_RABBIT_MANAGEMENT", "http://127.0.0.1:15679/", "http", "https");
        var amqp = UriOption("--amqp", settings.Amqp, "RUNRESTORE_RABBIT_AMQP", "amqp://127.0.0.1:56729/", "amqp", "amqps");
        var admin = (settings.Admin ?? Environment.GetEnvironmentVariable("RUNRESTORE_RABBIT_ADMIN") ?? "guest:guest").Split(':', 2);
        if (admin.Length != 2 || admin[0].Length == 0)
        {
            throw new CliUsageException("--admin must be USER:PASSWORD");
        }

        using var provisioning = new ClinicProvisioning(management, admin[0], admin[1], amqp);
        var connection = await provisioning.AddAsync(settings.Clinic, cancellationToken);
        Console.Out.WriteLine(settings.Json ? JsonSerializer.Serialize(connection, JsonOptions) : Describe(connection));
        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    internal static string Describe(ClinicConnection c) => string.Join(Environment.NewLine,
        $"clinic {c.Clinic}: RabbitMQ user {c.User} {(c.Created ? "created" : "updated, password rotated (the old one no longer signs in)")}",
        $"  AMQP URI             {c.AmqpUri}",
        $"  events exchange      {c.EventsExchange}  (topic; it exists: bind to it, do not declare it)",
        $"  binding key          {c.BindingKey}  (or narrower, e.g. {c.QueuePrefix}programming.*; nothing else is allowed)",
        $"  your queue names     {c.QueuePrefix}<name>  (the only queues you may declare and read)",
        $"  inbound exchange     {c.InboundExchange}",
        $"  inbound routing key  {c.InboundRoutingKey}  with the message property user_id = {c.User}",
        "  the password is shown only now; run `runrestore clinic add` again to rotate it");

    private static Uri UriOption(string option, string? value, string env, string fallback, params string[] schemes)
    {
        var text = value ?? Environment.GetEnvironmentVariable(env) ?? fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.Ordinal)
            ? uri
            : throw new CliUsageException($"{option} must be an absolute {string.Join(" or ", schemes)} URL, not '{text}'");
    }
}
