using RunRestore.Auth;

namespace RunRestore.Testing;

/// <summary>Tokens signed with the tests' development key.</summary>
public static class TestTokens
{
    public static readonly AuthOptions Options = new()
    {
        SigningKey = "runrestore-tests-signing-key-0123456789abcdef",
        Issuer = "runrestore-tests",
        Audience = "runrestore",
    };

    public static string For(string clinic, params string[] scopes) => DevelopmentTokens.Create(Options, clinic, scopes);

    /// <summary>A token with every scope for <paramref name="clinic"/>.</summary>
    public static string AllScopes(string clinic) => For(clinic, [.. Scopes.All]);
}
