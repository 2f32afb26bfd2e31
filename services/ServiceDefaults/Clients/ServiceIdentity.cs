using Microsoft.Extensions.Options;
using RunRestore.ServiceDefaults.Auth;

namespace RunRestore.ServiceDefaults.Clients;

/// <summary>
/// Calls one service makes to another outside a user's request (e.g. a consumer asking intake for runs) act for a
/// clinic. With a development signing key the service mints a short-lived token for that clinic and the scopes it
/// needs; production would use OAuth client credentials at the OIDC authority instead (not built yet).
/// </summary>
public sealed class ServiceIdentity(IOptions<AuthOptions> auth, TimeProvider time)
{
    private static readonly AsyncLocal<string?> CurrentClinic = new();

    /// <summary>Acts for <paramref name="clinic"/> until the returned scope is disposed.</summary>
    public static IDisposable ActFor(string clinic)
    {
        var previous = CurrentClinic.Value;
        CurrentClinic.Value = clinic;
        return new Restore(previous);
    }

    /// <summary>A bearer token for the clinic being acted for, or null.</summary>
    public string? Token(IReadOnlyList<string> scopes) =>
        CurrentClinic.Value is { } clinic && !string.IsNullOrWhiteSpace(auth.Value.SigningKey)
            ? DevelopmentTokens.Create(auth.Value, clinic, scopes, TimeSpan.FromMinutes(5), "service", time)
            : null;

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentClinic.Value = previous;
    }
}
