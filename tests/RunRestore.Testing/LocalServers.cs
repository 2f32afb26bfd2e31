using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RunRestore.Testing;

/// <summary>
/// Throwaway PostgreSQL and RabbitMQ started from the machine's own binaries through deploy/local/*.sh, with data in a
/// temporary folder and free loopback ports; stopped when the test process exits.
/// </summary>
internal static class LocalServers
{
    public sealed record Started(string Postgres, Uri RabbitAmqp, Uri RabbitManagement);

    public static async Task<Started> StartAsync()
    {
        var root = RepositoryRoot();
        var dir = Path.Combine(Path.GetTempPath(), $"runrestore-tests-{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        Directory.CreateDirectory(dir);
        var pgPort = FreePort();
        var amqpPort = FreePort();
        var mgmtPort = FreePort();
        var distPort = FreePort();

        var pgEnv = new Dictionary<string, string>
        {
            ["RR_PG_DIR"] = Path.Combine(dir, "postgres"),
            ["RR_PG_PORT"] = pgPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RR_PG_FAST"] = "1",
        };
        var rabbitEnv = new Dictionary<string, string>
        {
            ["RR_RABBIT_DIR"] = Path.Combine(dir, "rabbitmq"),
            ["RR_RABBIT_PORT"] = amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RR_RABBIT_MGMT_PORT"] = mgmtPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RR_RABBIT_DIST_PORT"] = distPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RR_RABBIT_NODE"] = $"rrtest-{amqpPort}@localhost",
        };
        var script = Path.Combine(root, "deploy", "local");

        StartWatchdog(script, dir, pgEnv, rabbitEnv);

        var pg = ShellScript.RunAsync(Path.Combine(script, "postgres.sh"), ["start"], pgEnv, TimeSpan.FromMinutes(2));
        var rabbit = ShellScript.RunAsync(Path.Combine(script, "rabbitmq.sh"), ["start"], rabbitEnv, TimeSpan.FromMinutes(2));
        var postgres = LastLine(await pg);
        var amqp = LastLine(await rabbit);
        return new Started(postgres, new Uri(amqp), new Uri($"http://127.0.0.1:{mgmtPort}/"));
    }

    // The test host can be killed before ProcessExit handlers finish (stopping RabbitMQ takes seconds), so a
    // detached watchdog waits for this process to end and then stops both servers and removes their data.
    private static void StartWatchdog(string script, string dir, Dictionary<string, string> pgEnv,
        Dictionary<string, string> rabbitEnv)
    {
        var stop = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; "
            + $"bash '{script}/rabbitmq.sh' kill; bash '{script}/postgres.sh' stop; rm -rf '{dir}'";
        var info = new ProcessStartInfo("setsid", ["-f", "bash", "-c", stop])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in pgEnv.Concat(rabbitEnv))
        {
            info.Environment[key] = value;
        }

        using var watchdog = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server watchdog.");
        watchdog.StandardInput.Close();
        watchdog.WaitForExit();
    }

    private static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RunRestore.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (RunRestore.sln) above the test binaries.");
    }
}
