using System.Diagnostics;

namespace RunRestore.Testing;

/// <summary>Runs one of the repository's bash scripts (deploy/local/*.sh) with extra environment and a time limit.</summary>
public static class ShellScript
{
    /// <summary>Runs <c>bash script args…</c>; returns its stdout, or throws with its stderr when it fails or overruns.</summary>
    public static async Task<string> RunAsync(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env,
        TimeSpan timeout)
    {
        var info = new ProcessStartInfo("bash", [script, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {script}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var what = $"{Path.GetFileName(script)} {string.Join(' ', args)}";
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{what} did not finish within {timeout}: {await stderr.ConfigureAwait(false)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        return await stdout.ConfigureAwait(false);
    }
}
