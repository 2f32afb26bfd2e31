using RunRestore.Auth;

namespace RunRestore.Cli.App;

/// <summary>
/// The bearer token: --token or RUNRESTORE_TOKEN as given; otherwise a development token minted with the local
/// signing key (RUNRESTORE_SIGNING_KEY, else the key the services use in Development) for the clinic.
/// </summary>
internal static class Credentials
{
    public const string DefaultClinic = "demo-clinic";

    // A copy of Auth:SigningKey from services/*/appsettings.Development.json: the key the services accept when run by
    // deploy/run.sh (ASPNETCORE_ENVIRONMENT=Development). Not a secret; production uses Auth:Authority (OIDC) instead.
    public const string DevelopmentSigningKey = "runrestore-local-development-signing-key-not-for-production";

    public static string Clinic(GlobalSettings settings) =>
        Endpoints.Pick(settings?.Clinic, Environment.GetEnvironmentVariable("RUNRESTORE_CLINIC"), DefaultClinic);

    /// <summary>The token for a call: the one given, or a freshly minted development token with every scope.</summary>
    public static string Token(GlobalSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var given = Endpoints.Pick(settings.Token, Environment.GetEnvironmentVariable("RUNRESTORE_TOKEN"), "");
        return given.Length > 0 ? given : Mint(Clinic(settings), Scopes.All);
    }

    /// <summary>A development token for <paramref name="clinic"/> with <paramref name="scopes"/>, valid for 8 hours.</summary>
    public static string Mint(string clinic, IEnumerable<string> scopes)
    {
        var key = Endpoints.Pick(null, Environment.GetEnvironmentVariable("RUNRESTORE_SIGNING_KEY"), DevelopmentSigningKey);
        if (key.Length < 32)
        {
            throw new CliUsageException("RUNRESTORE_SIGNING_KEY must be at least 32 characters (the services refuse shorter keys).");
        }

        var options = new AuthOptions
        {
            SigningKey = key,
            Issuer = Endpoints.Pick(null, Environment.GetEnvironmentVariable("RUNRESTORE_ISSUER"), "runrestore-dev"),
            Audience = Endpoints.Pick(null, Environment.GetEnvironmentVariable("RUNRESTORE_AUDIENCE"), "runrestore"),
        };
        return DevelopmentTokens.Create(options, clinic, scopes, subject: "runrestore-cli");
    }
}
