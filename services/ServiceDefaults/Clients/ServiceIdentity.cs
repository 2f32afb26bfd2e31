using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RunRestore.Auth;

namespace RunRestore.ServiceDefaults.Clients;

/// <summary>
/// Calls one service makes to another outside a user's request (e.g. a consumer asking intake for runs) use the
/// calling service's own credentials — scope "service" plus the scopes it calls with — and name the clinic they act for
/// in <see cref="Scopes.ActForClinicHeader"/> (ARCHITECTURE.md, Auth). In production that token comes from the OIDC
/// authority by the client credentials grant (Auth:ClientId / Auth:ClientSecret); locally it is minted with the
/// development key. Never a clinic's token: no clinic token carries "service", so none can act for another clinic.
/// </summary>
public sealed class ServiceIdentity(IOptions<AuthOptions> auth, IHostEnvironment host, IHttpClientFactory http, TimeProvider time) : IDisposable
{
    public const string TokenClient = "runrestore-service-identity";
    private static readonly AsyncLocal<string?> CurrentClinic = new();
    private static readonly TimeSpan DevelopmentLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset RenewAt)> _tokens = new();
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private string? _tokenEndpoint;

    /// <summary>Acts for <paramref name="clinic"/> until the returned scope is disposed.</summary>
    public static IDisposable ActFor(string clinic)
    {
        var previous = CurrentClinic.Value;
        CurrentClinic.Value = clinic;
        return new Restore(previous);
    }

    /// <summary>The clinic being acted for outside a request, or null.</summary>
    public static string? ActingFor => CurrentClinic.Value;

    /// <summary>This service's own bearer token for <paramref name="scopes"/> (cached until shortly before it expires).</summary>
    public async Task<string> TokenAsync(IReadOnlyList<string> scopes, CancellationToken ct)
    {
        var key = string.Join(' ', scopes.Order(StringComparer.Ordinal));
        if (_tokens.TryGetValue(key, out var cached) && cached.RenewAt > time.GetUtcNow())
        {
            return cached.Token;
        }

        var options = auth.Value;
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            var token = DevelopmentTokens.CreateService(options, ServiceName, scopes, DevelopmentLifetime, time);
            _tokens[key] = (token, time.GetUtcNow() + DevelopmentLifetime / 2);
            return token;
        }

        await _fetching.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_tokens.TryGetValue(key, out cached) && cached.RenewAt > time.GetUtcNow())
            {
                return cached.Token;
            }

            var (accessToken, expiresIn) = await ClientCredentialsAsync(options, scopes, ct).ConfigureAwait(false);
            // Renew at two thirds of its life, so a token never expires on the way.
            _tokens[key] = (accessToken, time.GetUtcNow() + TimeSpan.FromSeconds(Math.Max(0, expiresIn) * 2 / 3.0));
            return accessToken;
        }
        finally
        {
            _fetching.Release();
        }
    }

    private string ServiceName => host.ApplicationName.Replace("RunRestore.", "", StringComparison.Ordinal).ToLowerInvariant();

    private async Task<(string Token, int ExpiresIn)> ClientCredentialsAsync(AuthOptions options, IReadOnlyList<string> scopes,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            throw new InvalidOperationException(
                "Auth:ClientId and Auth:ClientSecret (this service's client at Auth:Authority) are needed for calls outside a request.");
        }

        var client = http.CreateClient(TokenClient);
        _tokenEndpoint ??= options.TokenEndpoint ?? await DiscoverTokenEndpointAsync(client, options.Authority!, ct).ConfigureAwait(false);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.ClientId,
            ["client_secret"] = options.ClientSecret,
            ["scope"] = string.Join(' ', scopes.Prepend(Scopes.Service).Distinct()),
        });
        using var response = await client.PostAsync(new Uri(_tokenEndpoint), form, ct).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The authority refused this service's client credentials ({(int)response.StatusCode} from {_tokenEndpoint}).",
                null, response.StatusCode);
        }

        var token = await response.Content.ReadFromJsonAsync<TokenResponse>(ct).ConfigureAwait(false);
        return token?.AccessToken is { Length: > 0 } accessToken
            ? (accessToken, token.ExpiresIn ?? 300)
            : throw new HttpRequestException($"The token endpoint {_tokenEndpoint} answered without an access_token.");
    }

    private static async Task<string> DiscoverTokenEndpointAsync(HttpClient client, string authority, CancellationToken ct)
    {
        var discovery = new Uri(authority.TrimEnd('/') + "/.well-known/openid-configuration");
        var document = await client.GetFromJsonAsync<OpenIdConfiguration>(discovery, ct).ConfigureAwait(false);
        return document?.TokenEndpoint ?? throw new HttpRequestException($"{discovery} names no token_endpoint.");
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn);

    private sealed record OpenIdConfiguration([property: JsonPropertyName("token_endpoint")] string? TokenEndpoint);

    public void Dispose() => _fetching.Dispose();

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentClinic.Value = previous;
    }
}
