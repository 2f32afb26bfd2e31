using System.Globalization;

namespace RunRestore.Benchmarks;

/// <summary>Command line of the benchmark program (deploy/bench.sh passes all of it).</summary>
internal sealed class BenchOptions
{
    public bool Smoke { get; private set; }
    public string Out { get; private set; } = ".local/bench/results.json";
    public string Repo { get; private set; } = Directory.GetCurrentDirectory();
    public string Postgres { get; private set; } = "Host=127.0.0.1;Port=54400;Username=postgres;Database=runrestore_bench";
    public Uri Rabbit { get; private set; } = new("amqp://guest:guest@127.0.0.1:56900/runrestore-bench");
    public Uri Intake { get; private set; } = new("http://127.0.0.1:5301");
    public Uri Assessment { get; private set; } = new("http://127.0.0.1:5302");
    public Uri Programming { get; private set; } = new("http://127.0.0.1:5303");

    /// <summary>Service name → process id (RSS and CPU sampling).</summary>
    public Dictionary<string, int> Pids { get; } = [];
    public int? PostgresPid { get; private set; }
    public int? RabbitPid { get; private set; }

    /// <summary>Service name → seconds from process start to the first 200 on /health/ready (schema in place), per restart.</summary>
    public Dictionary<string, List<double>> ColdStart { get; } = [];
    /// <summary>Service name → CPU seconds the process had used when it was ready, per restart.</summary>
    public Dictionary<string, List<double>> ColdStartCpu { get; } = [];
    /// <summary>Service name → the same on an empty database (the start that creates the schema).</summary>
    public Dictionary<string, List<double>> FirstStart { get; } = [];
    public Dictionary<string, List<double>> FirstStartCpu { get; } = [];

    /// <summary>Seconds a bare .NET process (this program's --help) takes from start to exit: the cold starts' baseline.</summary>
    public double? DotnetStart { get; private set; }

    /// <summary>Phases to run (all when empty): logrun, typical, import, e2e, rebuild.</summary>
    public HashSet<string> Only { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Runs(string phase) => Only.Count == 0 || Only.Contains(phase);

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--smoke": o.Smoke = true; break;
                case "--out": o.Out = Next(); break;
                case "--repo": o.Repo = Next(); break;
                case "--pg": o.Postgres = Next(); break;
                case "--rabbit": o.Rabbit = new Uri(Next()); break;
                case "--intake": o.Intake = new Uri(Next()); break;
                case "--assessment": o.Assessment = new Uri(Next()); break;
                case "--programming": o.Programming = new Uri(Next()); break;
                case "--pid": Pair(Next(), (k, v) => o.Pids[k] = int.Parse(v, CultureInfo.InvariantCulture)); break;
                case "--pg-pid": o.PostgresPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--rabbit-pid": o.RabbitPid = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--cold-start": Pair(Next(), (k, v) => o.ColdStart[k] = Numbers(v)); break;
                case "--cold-start-cpu": Pair(Next(), (k, v) => o.ColdStartCpu[k] = Numbers(v)); break;
                case "--first-start": Pair(Next(), (k, v) => o.FirstStart[k] = Numbers(v)); break;
                case "--first-start-cpu": Pair(Next(), (k, v) => o.FirstStartCpu[k] = Numbers(v)); break;
                case "--dotnet-start": o.DotnetStart = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--only":
                    foreach (var phase in Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        o.Only.Add(phase);
                    }

                    break;
                case "-h" or "--help":
                    Console.WriteLine("""
                        RunRestore.Benchmarks [--smoke] [--out results.json] [--repo DIR] [--pg CONN] [--rabbit AMQP-URI]
                          [--intake URL] [--assessment URL] [--programming URL] [--pid NAME=PID]... [--pg-pid PID]
                          [--rabbit-pid PID] [--cold-start NAME=S1,S2,..]... [--cold-start-cpu NAME=S1,..]...
                          [--first-start NAME=S]... [--first-start-cpu NAME=S]... [--dotnet-start SECONDS]
                          [--only logrun,typical,import,e2e,rebuild]
                        Normally run by deploy/bench.sh, which starts the servers and passes all of this.
                        """);
                    Environment.Exit(0);
                    break;
                default: throw new ArgumentException($"unknown argument {arg} (try --help)");
            }
        }

        return o;
    }

    private static List<double> Numbers(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];

    private static void Pair(string value, Action<string, string> set)
    {
        var eq = value.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw new ArgumentException($"expected NAME=VALUE, got '{value}'");
        }

        set(value[..eq], value[(eq + 1)..]);
    }
}
