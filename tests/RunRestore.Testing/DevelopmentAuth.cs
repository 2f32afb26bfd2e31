using System.Text.Json;
using RunRestore.Auth;

namespace RunRestore.Testing;

/// <summary>
/// The signing settings the services run with under ASPNETCORE_ENVIRONMENT=Development (services/*/appsettings.Development.json),
/// for programs that call the real processes rather than in-memory hosts (which use <see cref="TestTokens"/>).
/// </summary>
public static class DevelopmentAuth
{
    public static AuthOptions Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "services", "Intake", "appsettings.Development.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var auth = json.RootElement.GetProperty(AuthOptions.Section);
        return new AuthOptions
        {
            SigningKey = auth.GetProperty("SigningKey").GetString(),
            Issuer = auth.GetProperty("Issuer").GetString()!,
            Audience = auth.GetProperty("Audience").GetString()!,
        };
    }

    /// <summary>A bearer token with every scope for <paramref name="clinic"/>, signed with the development key.</summary>
    public static string AllScopes(string repositoryRoot, string clinic, TimeSpan lifetime) =>
        DevelopmentTokens.Create(Load(repositoryRoot), clinic, Scopes.All, lifetime);
}
