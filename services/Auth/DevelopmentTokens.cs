using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RunRestore.Auth;

/// <summary>Mints tokens signed with the development key, for local runs, the CLI and tests.</summary>
public static class DevelopmentTokens
{
    public static string Create(AuthOptions options, string clinic, IEnumerable<string> scopes, TimeSpan? lifetime = null,
        string subject = "dev-user", TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured: development tokens cannot be minted.");
        }

        var now = (time ?? TimeProvider.System).GetUtcNow();
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime ?? TimeSpan.FromHours(8)).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject),
                new Claim(Scopes.ClinicClaim, clinic),
                new Claim(Scopes.ScopeClaim, string.Join(' ', scopes)),
            ]),
            SigningCredentials = new SigningCredentials(SigningKeyOf(options), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// A service's own token, signed with the development key: scope "service" plus <paramref name="scopes"/>, no clinic
    /// (each call names the clinic it acts for in <see cref="Scopes.ActForClinicHeader"/>).
    /// </summary>
    public static string CreateService(AuthOptions options, string service, IEnumerable<string> scopes, TimeSpan lifetime,
        TimeProvider? time = null)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            throw new InvalidOperationException("Auth:SigningKey is not configured: development tokens cannot be minted.");
        }

        var now = (time ?? TimeProvider.System).GetUtcNow();
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(lifetime).UtcDateTime,
            Subject = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, $"service:{service}"),
                new Claim(Scopes.ScopeClaim, string.Join(' ', scopes.Prepend(Scopes.Service).Distinct())),
            ]),
            SigningCredentials = new SigningCredentials(SigningKeyOf(options), SecurityAlgorithms.HmacSha256),
        });
    }

    public static SymmetricSecurityKey SigningKeyOf(AuthOptions options) =>
        new(Encoding.UTF8.GetBytes(options.SigningKey!));
}
