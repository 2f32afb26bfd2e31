using System.Globalization;

namespace RunRestore.Cli.Health;

/// <summary>Asks each service's /health/ready, all at once, each within a timeout.</summary>
internal static class HealthProbe
{
    public static async Task<IReadOnlyList<ServiceHealth>> CheckAllAsync(HealthEndpoints endpoints, TimeSpan timeout,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = timeout }) { Timeout = Timeout.InfiniteTimeSpan };
        return await Task.WhenAll(endpoints.All.Select(e => CheckAsync(http, e.Service, e.Url, timeout, ct)));
    }

    public static async Task<ServiceHealth> CheckAsync(HttpClient http, string service, Uri url, TimeSpan timeout,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, deadline.Token);
            var body = await response.Content.ReadAsStringAsync(deadline.Token);
            return ServiceHealth.Parse(service, url, (int)response.StatusCode, body);
        }
        catch (HttpRequestException ex)
        {
            return ServiceHealth.Unreachable(service, url, ex.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return ServiceHealth.Unreachable(service, url,
                $"no answer within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s");
        }
    }
}
