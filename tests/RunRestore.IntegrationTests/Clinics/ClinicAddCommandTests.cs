using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using RunRestore.Contracts;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.IntegrationTests.Clinics;

/// <summary>
/// `runrestore clinic add &lt;id&gt;` run as a process against the real broker: the printed details connect, the rights
/// are the clinic's own, and a second run rotates the password.
/// </summary>
public sealed class ClinicAddCommandTests
{
    private const string Clinic = "cli-physio";

    [Fact]
    public async Task Clinic_add_prints_working_connection_details_and_running_it_again_rotates_the_password()
    {
        var storage = await TestClassStorage.CreateAsync("clinicadd");
        var infrastructure = storage.Infrastructure;
        var amqp = new UriBuilder(storage.RabbitUri) { UserName = "", Password = "" }.Uri;

        var first = await ClinicAddAsync(infrastructure, amqp);
        var second = await ClinicAddAsync(infrastructure, amqp);

        Assert.True(first.GetProperty("created").GetBoolean());
        Assert.False(second.GetProperty("created").GetBoolean());
        Assert.Equal("clinic.cli-physio", first.GetProperty("user").GetString());
        Assert.Equal("clinic.cli-physio.#", first.GetProperty("bindingKey").GetString());
        Assert.Equal("clinic.cli-physio.screen_submitted", first.GetProperty("inboundRoutingKey").GetString());
        Assert.Equal(ClinicRouting.EventsExchange, first.GetProperty("eventsExchange").GetString());
        Assert.NotEqual(first.GetProperty("password").GetString(), second.GetProperty("password").GetString());

        // The rotated password no longer signs in; the new one does, with the clinic's rights only.
        await Assert.ThrowsAnyAsync<BrokerUnreachableException>(() =>
            new ConnectionFactory { Uri = new Uri(first.GetProperty("amqpUri").GetString()!) }.CreateConnectionAsync());
        await using var connection = await new ConnectionFactory { Uri = new Uri(second.GetProperty("amqpUri").GetString()!) }.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("clinic.cli-physio.events", durable: false, exclusive: false, autoDelete: true);
            await channel.QueueBindAsync("clinic.cli-physio.events", ClinicRouting.EventsExchange, first.GetProperty("bindingKey").GetString()!);
        }

        await using var refused = await connection.CreateChannelAsync();
        var error = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() =>
            refused.QueueBindAsync("clinic.cli-physio.events", ClinicRouting.EventsExchange, "#"));
        Assert.Equal(403, (int?)error.ShutdownReason?.ReplyCode);
    }

    private static async Task<JsonElement> ClinicAddAsync(TestInfrastructure infrastructure, Uri amqp)
    {
        var (user, password) = infrastructure.RabbitAdmin;
        var info = new ProcessStartInfo("dotnet",
        [
            CliDll(), "clinic", "add", Clinic, "--management", infrastructure.RabbitManagement.ToString(),
            "--admin", $"{user}:{password}", "--amqp", amqp.ToString(), "--json",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(process.ExitCode == 0, $"runrestore clinic add exited {process.ExitCode}: {await stderr}");
        using var json = JsonDocument.Parse(await stdout);
        return json.RootElement.Clone();
    }

    // The CLI as built next to this test (the project reference builds it): services/Cli/bin/<configuration>/<tfm>/.
    private static string CliDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Directory.GetParent(typeof(ClinicAddCommandTests).Assembly.Location)!.FullName, "runrestore.dll");
        var built = Path.Combine(RepositoryRoot(), "services", "Cli", "bin", testBin.Parent!.Name, testBin.Name, "runrestore.dll");
        return File.Exists(built) ? built : dll;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRestore.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("RunRestore.sln not found above the test binaries.");
    }
}
