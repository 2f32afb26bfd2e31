namespace RunRestore.Auth;

/// <summary>
/// "Auth" configuration. Production sets <see cref="Authority"/> (an OIDC issuer) and the service's own client
/// (<see cref="ClientId"/>, <see cref="ClientSecret"/>); local development and tests sign tokens with
/// <see cref="SigningKey"/> (HMAC-SHA256, at least 32 bytes).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string? Authority { get; set; }
    public string? SigningKey { get; set; }
    public string Issuer { get; set; } = "runrestore-dev";
    public string Audience { get; set; } = "runrestore";

    /// <summary>
    /// This service's OAuth client at <see cref="Authority"/>, for calls to other services outside a request (client
    /// credentials grant; the client must be granted the "service" scope and the scopes it calls with).
    /// </summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The token endpoint; when unset it is read from the authority's OpenID configuration.</summary>
    public string? TokenEndpoint { get; set; }
}
