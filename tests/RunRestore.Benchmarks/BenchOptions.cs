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

    /// <summary>
    /// End to end: the run failed (stalled) when, with logged runs waiting, nothing was consumed for this many seconds.
    /// Above what a healthy pipeline may pause: a sequence gap held for EventPipeline:GapSkipAfter (3 s), the daemon's
    /// poll (1 s) and a publish retry (up to 2 s).
    /// </summary>
    public double StallSeconds { get; private set; } = 10;

    /// <summary>
    /// End to end: the run failed (fell behind) when the median LogRun → consumed of a slice of the run rose this many
    /// seconds above an earlier slice's: a backlog building. A run that is slow throughout only misses its target.
    /// </summary>
    public double BacklogSeconds { get; private set; } = 5;

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
                case "--stall-seconds": o.StallSeconds = Positive(arg, Next()); break;
                case "--backlog-seconds": o.BacklogSeconds = Positive(arg, Next()); break;
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
                          [--only logrun,typical,import,e2e,rebuild] [--stall-seconds S (10)] [--backlog-seconds B (5)]
                        Normally run by deploy/bench.sh, which starts the servers and passes all of this.

                        Exit code 0: every phase ran and nothing was lost, even if targets were missed (the table says
                        "no"). Exit code 1: the run FAILED (a line "FAILED <phase>: ..." after the table says why):
                          - a phase stopped with an error, or a row could not be measured;
                          - a send failed: any LogRun or ImportRuns call that failed or whose runs were not all imported;
                          - a message was never consumed: a RunLogged or program_adapted CloudEvent not consumed 15 s
                            after the last LogRun of end to end returned, or a runner whose program never came while
                            end to end prepared it (its registration or assessment was not consumed within 60 s);
                          - end to end stalled: with logged runs waiting, nothing was consumed for S seconds (above
                            the 3 s a sequence gap may hold the daemon + its 1 s poll + a 2 s publish retry);
                          - end to end fell behind: the median LogRun → consumed of a slice of the run (1 s with
                            --smoke, else 10 s) rose B seconds or more above an earlier slice's (a backlog building;
                            a run that is slow throughout only misses its target);
                          - the rebuild left fewer snapshots than runners.
                        """);
                    Environment.Exit(0);
                    break;
                default: throw new ArgumentException($"unknown argument {arg} (try --help)");
            }
        }

        return o;
    }

    private static double Positive(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new ArgumentException($"{name} must be a number of seconds above 0, not '{value}'");

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
