namespace RunRestore.Cli.App;

/// <summary>The three services' gRPC addresses: option, else environment variable, else the local default.</summary>
internal sealed record Endpoints(Uri Intake, Uri Assessment, Uri Programming)
{
    public const string DefaultIntake = "http://127.0.0.1:5101";
    public const string DefaultAssessment = "http://127.0.0.1:5102";
    public const string DefaultProgramming = "http://127.0.0.1:5103";

    public static Endpoints From(GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new Endpoints(
            Resolve(settings.Intake, "RUNRESTORE_INTAKE", DefaultIntake, "--intake"),
            Resolve(settings.Assessment, "RUNRESTORE_ASSESSMENT", DefaultAssessment, "--assessment"),
            Resolve(settings.Programming, "RUNRESTORE_PROGRAMMING", DefaultProgramming, "--programming"));
    }

    /// <summary>The option, else the environment variable, else the default, as an http(s) address.</summary>
    internal static Uri Resolve(string? option, string variable, string fallback, string name)
    {
        var value = Pick(option, Environment.GetEnvironmentVariable(variable), fallback);
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new CliUsageException($"{name} (or {variable}) must be an http:// or https:// address, not '{value}'.");
    }

    /// <summary>The first non-blank of the option and the environment variable, else the default.</summary>
    internal static string Pick(string? option, string? environment, string fallback) =>
        !string.IsNullOrWhiteSpace(option) ? option.Trim()
        : !string.IsNullOrWhiteSpace(environment) ? environment.Trim()
        : fallback;
}
