using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using RunRestore.Auth;
using RunRestore.Contracts.Clinics;

namespace RunRestore.ServiceDefaults.Auth;

/// <summary>
/// JWT bearer on every RPC; one policy per scope; every call acts for one clinic: a clinic's token names it in its
/// "clinic" claim, a service's own token (scope "service") in the call's "runrestore-clinic" metadata.
/// </summary>
public static class ClinicAuthentication
{
    public static WebApplicationBuilder AddClinicAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Read lazily so test hosts and environment variables can set Auth:* after Program.cs ran.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) => Configure(jwt, auth.Value));

        builder.Services.AddAuthorizationBuilder()
            // Anything not marked otherwise needs a valid token that names a clinic.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(Scopes.ClinicClaim).Build())
            .AddScopePolicies();
        builder.Services.AddScoped<ClinicContext>();
        return builder;
    }

    private static AuthorizationBuilder AddScopePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, p => p
                .RequireAuthenticatedUser()
                .RequireClaim(Scopes.ClinicClaim)
                .RequireAssertion(ctx => HasScope(ctx.User, scope)));
        }

        return authorization;
    }

    private static bool HasScope(ClaimsPrincipal user, string scope) =>
        user.FindAll(Scopes.ScopeClaim)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);

    private static void Configure(JwtBearerOptions jwt, AuthOptions auth)
    {
        jwt.MapInboundClaims = false;
        // A signed token with a blank or malformed clinic is still no identity we can act for: fail authentication
        // (UNAUTHENTICATED) rather than authorization (PERMISSION_DENIED) or a tenant nobody can store (INTERNAL).
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var principal = context.Principal;
                var clinics = principal?.FindAll(Scopes.ClinicClaim).Select(c => c.Value).ToList() ?? [];
                if (principal is not null && HasScope(principal, Scopes.Service))
                {
                    // A service's own credentials act for the clinic the call names, and only with "service" scope; a
                    // clinic's token cannot choose its clinic this way (the header is ignored on it).
                    var actFor = context.Request.Headers[Scopes.ActForClinicHeader].ToString();
                    if (clinics.Count != 0 || !ClinicIds.IsValid(actFor))
                    {
                        context.Fail($"A service token names no clinic itself; each call names one in '{Scopes.ActForClinicHeader}'.");
                        return Task.CompletedTask;
                    }

                    ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Scopes.ClinicClaim, actFor));
                    return Task.CompletedTask;
                }

                if (clinics.Count != 1 || !ClinicIds.IsValid(clinics[0]))
                {
                    context.Fail("The token's clinic claim must be one clinic id: lower-case letters, digits and '-', 1-63 characters.");
                }

                return Task.CompletedTask;
            },
        };
        if (!string.IsNullOrWhiteSpace(auth.Authority))
        {
            jwt.Authority = auth.Authority;
            jwt.Audience = auth.Audience;
            return;
        }

        if (string.IsNullOrWhiteSpace(auth.SigningKey) || auth.SigningKey.Length < 32)
        {
            throw new InvalidOperationException("Set Auth:Authority (OIDC) or Auth:SigningKey (at least 32 characters).");
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKey = DevelopmentTokens.SigningKeyOf(auth),
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        };
    }
}
