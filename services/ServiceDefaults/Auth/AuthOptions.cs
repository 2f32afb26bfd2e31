namespace RunRestore.ServiceDefaults.Auth;

/// <summary>
/// "Auth" configuration. Production sets <see cref="Authority"/> (an OIDC issuer); local development and tests
/// sign tokens with <see cref="SigningKey"/> (HMAC-SHA256, at least 32 bytes).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "runrestore-dev";
    public string Audience { get; set; } = "runrestore";
}
