using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RunRestore.Chaos;

/// <summary>One row of the table: the commands of a scenario and what became of them.</summary>
internal sealed record Row(string Scenario, int Sent, int Acknowledged, int Lost, int DuplicateEffects, int NeverDelivered, string Recovery);

/// <summary>
/// The table (scenario, sent, acknowledged, lost, duplicate effects, never delivered, recovery time) and what is behind
/// it. Fault rows hold the commands first sent from that fault's start to the next one's (so they add up with the
/// setup and steady rows to the whole run); the 8-client row is the same load seen by runner, and overlaps them.
/// </summary>
internal sealed class Report(ChaosOptions options, IReadOnlyCollection<Command> commands, IReadOnlyList<FaultRecord> faults, Findings findings,
    Calls calls, ClinicEventTap tap, bool timeLimitReached, double? settledAfter, string? failure)
{
    /// <summary>/proc/loadavg's 1-minute figure when the program started.</summary>
    public static string LoadAtStart { get; } = File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public List<Row> Rows { get; } = [];
    public List<string> Problems { get; } = [];

    public bool Passed => Problems.Count == 0;

    public Report Build()
    {
        var ordered = faults.OrderBy(f => f.StartedAt).ToList();
        int Window(Command c) => ordered.FindLastIndex(f => f.StartedAt <= c.SentAt);
        var load = commands.Where(c => c.Lane != "setup").ToList();
        Rows.Add(RowOf("setup, before any fault: runners registered, screened, programs prescribed", commands.Where(c => c.Lane == "setup"), "—"));
        Rows.Add(RowOf("steady load, before the first fault", load.Where(c => Window(c) < 0), "—"));
        for (var i = 0; i < ordered.Count; i++)
        {
            Rows.Add(RowOf(ordered[i].Plan.Label, load.Where(c => Window(c) == i), Recovery(ordered[i])));
        }

        Rows.Add(RowOf($"{options.HotClients} clients → one runner (whole load, overlaps the rows above)", load.Where(c => c.Lane == "hot"), "—"));
        var worst = ordered.Count == 0 ? "—" : ordered.Any(f => f.JudgedSeconds is null) ? "not recovered" : Recovery(ordered.MaxBy(f => f.JudgedSeconds)!);
        var all = RowOf("whole run", commands, $"worst: {worst}");
        Rows.Add(all with
        {
            DuplicateEffects = all.DuplicateEffects + findings.UnownedDuplicates.Count,
            NeverDelivered = all.NeverDelivered + findings.UnownedMissing.Count,
        });

        if (failure is not null)
        {
            Problems.Add(failure);
        }

        if (findings.Lost > 0)
        {
            Problems.Add($"{findings.Lost} acknowledged write(s) lost");
        }

        if (findings.DuplicateEffects > 0)
        {
            Problems.Add($"{findings.DuplicateEffects} duplicate effect(s)");
        }

        if (findings.NeverDelivered > 0)
        {
            Problems.Add($"{findings.NeverDelivered} write(s)/event(s) whose effect or CloudEvent never arrived within {options.ConvergeLimit:0} s");
        }

        foreach (var f in ordered.Where(f => f.JudgedSeconds is not { } s || s > options.RecoveryTarget))
        {
            Problems.Add($"'{f.Plan.Label}': {Recovery(f)} (target {options.RecoveryTarget:0} s){(f.Error is null ? "" : $"; {f.Error}")}");
        }

        if (faults.Count < options.FaultsRequired)
        {
            Problems.Add($"only {faults.Count} of the {options.FaultsRequired} faults were injected");
        }

        if (!options.StopAfterFaults && commands.Count(c => c.Lane != "setup") < options.Commands)
        {
            Problems.Add($"fewer commands sent than planned ({options.Commands:N0})");
        }
        return this;
    }

    private static Row RowOf(string scenario, IEnumerable<Command> rows, string recovery)
    {
        var list = rows.ToList();
        return new Row(scenario, list.Count, list.Count(c => c.Acknowledged), list.Count(c => c.Lost), list.Sum(c => c.DuplicateEffects),
            list.Count(c => c.NeverDelivered.Count > 0), recovery);
    }

    // A killed service: from its restart. A restarted server: how long it took to come back, then the services' part,
    // which is what the target judges (FaultRecord.IsServer).
    private string Recovery(FaultRecord f)
    {
        var back = f.BackAt is { } b && (f.IsServer || b - f.EndedAt >= 1) ? Inv($"{f.Plan.Kind} back after {b - f.EndedAt:0.0} s") : null;
        if (f.IsServer && f.BackAt is null)
        {
            return Inv($"{f.Plan.Kind} not back within {options.ServerLimit:0} s");
        }

        if (f.RecoverySeconds is not { } s)
        {
            var watched = Inv($"services not recovered within {options.RecoveryLimit:0} s{(f.IsServer ? $" of {f.Plan.Kind} being back" : " of the restart")}");
            return back is null ? watched : $"{watched} ({back})";
        }

        var over = f.JudgedSeconds > options.RecoveryTarget ? Inv($" (over {options.RecoveryTarget:0} s)") : "";
        return f.IsServer
            ? Inv($"services {f.ServicesSeconds:0.0} s after {f.Plan.Kind} was back{over} ({back}; {s:0.0} s in all)")
            : back is null ? Inv($"{s:0.0} s{over}") : Inv($"{s:0.0} s{over} ({back}, services {f.ServicesSeconds:0.0} s later)");
    }

    public string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| scenario | sent | acknowledged | lost | duplicate effects | never delivered | recovery time |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in Rows)
        {
            sb.AppendLine(Inv($"| {r.Scenario} | {r.Sent:N0} | {r.Acknowledged:N0} | {r.Lost} | {r.DuplicateEffects} | {r.NeverDelivered} | {r.Recovery} |"));
        }

        return sb.ToString();
    }

    public string Details()
    {
        var sb = new StringBuilder();
        var load = commands.Where(c => c.Lane != "setup").ToList();
        var seconds = load.Count == 0 ? 0 : load.Max(c => c.SentAt) - load.Min(c => c.SentAt);
        sb.AppendLine(Inv($"- **Load**: {load.Count:N0} commands over {seconds:0} s ({load.Count / Math.Max(seconds, 1):0.0}/s achieved; ") +
            Inv($"scheduled at {options.Rate:0}/s, at most 100 in flight, until the last fault had recovered): ") +
            string.Join(", ", load.GroupBy(c => c.Kind).OrderByDescending(g => g.Count()).Select(g => Inv($"{g.Key} {g.Count():N0}"))) +
            Inv($"; {load.Count(c => c.Lane == "hot"):N0} of them from {options.HotClients} clients (a connection each) to one runner; ") +
            (timeLimitReached ? "sending stopped at the load's time limit, before the last fault had recovered; " : "") +
            Inv($"{commands.Count(c => c.Lane == "setup")} setup commands before it. Two clinics; every write carries an idempotency-key, the same on each retry."));
        var latencies = commands.Where(c => c.Acknowledged).Select(c => c.AcknowledgedAt!.Value - c.SentAt).Order().ToList();
        if (latencies.Count > 0)
        {
            sb.AppendLine(Inv($"- **Time to acknowledgement** (first send → OK, retries included): p50 {Percentile(latencies, 50):0.00} s, ") +
                Inv($"p99 {Percentile(latencies, 99):0.00} s, max {latencies[^1]:0.0} s."));
        }

        var unacked = commands.Where(c => !c.Acknowledged).ToList();
        sb.AppendLine(Inv($"- **Not acknowledged**: {unacked.Count} (refused for good or out of their {options.RetryBudget.TotalSeconds:0} s retry budget)") +
            (unacked.Count == 0 ? "" : ": " + string.Join(", ", unacked.GroupBy(c => $"{c.Kind} {c.LastFailure}").Select(g => $"{g.Key} ×{g.Count()}"))) +
            "." +
            (unacked.Count == 0 ? "" : Inv($" {unacked.Count(c => c.StoredCopies > 0)} of them were stored all the same (the client never learned it)") +
                LastAnswer(unacked.Where(c => c.StoredCopies > 0)) + "."));
        sb.AppendLine("- **Retried attempts** by status: " + (calls.FailedAttempts.IsEmpty ? "none" :
            string.Join(", ", calls.FailedAttempts.OrderByDescending(p => p.Value).Select(p => Inv($"{p.Key} {p.Value:N0}")))) +
            Inv($"; {commands.Count(c => c.Acknowledged && c.Attempts > 1):N0} acknowledged writes needed more than one attempt."));
        sb.AppendLine(Inv($"- **CloudEvents** (queue bound to `runrestore.clinic-events` with `#` before the load): {findings.CloudEventsExpected:N0} expected ") +
            Inv($"(every clinic-facing event the services stored), {findings.CloudEventsArrived:N0} distinct ids arrived, {findings.CloudEventsMissing} missing; ") +
            Inv($"{findings.Redeliveries} redeliveries of {findings.RedeliveredIds} ids, all with the same CloudEvent id; {findings.UnknownCloudEvents} ids no service stored; ") +
            Inv($"the listener reconnected {tap.Reconnects} times."));
        sb.AppendLine(findings.EffectsChecked == 0
            ? "- **Checks**: did not run (the run stopped before the load ended)."
            : Inv($"- **Checks**: {findings.EffectsChecked:N0} stored events checked downstream; ") + (settledAfter is { } t
                ? Inv($"every effect was there {t:0} s after the load ended.")
                : Inv($"effects still missing {options.ConvergeLimit:0} s after the load ended (a stall).")));
        foreach (var f in faults.OrderBy(f => f.StartedAt))
        {
            sb.AppendLine(Inv($"- **{f.Plan.Label}** at +{f.StartedAt:0.0} s, restart issued at +{f.EndedAt:0.0} s") +
                (f.Notes.Count > 0 ? $" ({string.Join("; ", f.Notes)})" : "") + $": {FaultInjector.Describe(f)}" +
                (f.Error is null ? "." : $". Error: {f.Error}"));
        }

        var examples = commands.Where(c => c.Lost).Select(c => $"lost: {c.Kind} {c.EntityId} ({c.Lane}, sent +{c.SentAt:0.0} s)")
            .Concat(commands.Where(c => c.Duplicates.Count > 0).Select(c => $"duplicate: {c.Kind} ({c.Lane}, sent +{c.SentAt:0.0} s): {string.Join("; ", c.Duplicates)}"))
            .Concat(findings.UnownedDuplicates.Select(d => $"duplicate (no acknowledged command): {d}"))
            .Concat(commands.Where(c => c.NeverDelivered.Count > 0).Select(c => $"never delivered: {c.Kind} ({c.Lane}, sent +{c.SentAt:0.0} s): {string.Join("; ", c.NeverDelivered)}"))
            .Concat(findings.UnownedMissing.Select(m => $"never delivered (no acknowledged command): {m}"))
            .ToList();
        if (examples.Count > 0)
        {
            sb.AppendLine(Inv($"- **Findings** ({examples.Count}; the first 25):"));
            foreach (var e in examples.Take(25))
            {
                sb.AppendLine(Inv($"  - {e}"));
            }
        }

        return sb.ToString();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Clamp(Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string LastAnswer(IEnumerable<Command> commands) =>
        commands.Select(c => c.Error).FirstOrDefault(e => e is not null) is { } error ? $"; last answer to such a write: \"{error}\"" : "";

    public string Verdict() => Passed
        ? "PASSED: no acknowledged write lost, no duplicate effect, every effect and CloudEvent delivered, every service recovered within the target."
        : "FAILED: " + string.Join("; ", Problems) + ".";

    public const string BeginMarker = "<!-- chaos:begin (written by deploy/chaos.sh; the text after chaos:end is kept) -->";
    public const string EndMarker = "<!-- chaos:end -->";

    /// <summary>
    /// docs/reliability.md: the part between the markers is this run's; what stands after them (the analysis, written by
    /// hand) is kept. A document without markers is written whole, with an empty analysis section.
    /// </summary>
    public string Document(string? existing)
    {
        var generated = $"{BeginMarker}\n{Markdown(document: true)}{EndMarker}\n";
        var end = existing?.IndexOf(EndMarker, StringComparison.Ordinal) ?? -1;
        var kept = end >= 0
            ? existing![(end + EndMarker.Length)..].TrimStart('\n')
            : "\n## What limits recovery\n\n(Written by hand after a run: what the figures above show and why.)\n";
        return generated + "\n" + kept;
    }

    /// <summary>The results file of a run (and, for a full run, docs/reliability.md).</summary>
    public string Markdown(bool document)
    {
        var sb = new StringBuilder();
        if (document)
        {
            sb.AppendLine("# Reliability under faults");
            sb.AppendLine();
            sb.AppendLine("""
                `bash deploy/chaos.sh` (tests/RunRestore.Chaos) starts its own PostgreSQL, RabbitMQ and the three services (Release)
                on free loopback ports and sends a bounded stream of mixed writes from two clinics (8 clients also write to one
                runner; every write carries an `idempotency-key` and is retried with it on UNAVAILABLE, ABORTED, DEADLINE_EXCEEDED
                or a broken connection) while it stops RabbitMQ (SIGTERM, a graceful shutdown) and starts it again twice, SIGKILLs
                intake and programming and starts them again, and restarts PostgreSQL (`pg_ctl restart -m fast`). Then it checks
                that every acknowledged write is visible through the reads, every downstream effect exists exactly once in
                assessment and programming, and every clinic-facing event arrived as a CloudEvent on a queue bound to
                `runrestore.clinic-events` with `#` (redeliveries with the same id are counted, not failures).

                Rows: the commands first sent in each stretch (setup, steady load, then from each fault until the next); the
                8-client row overlaps them. *Lost*: acknowledged but not visible. *Duplicate effects*: a write stored twice, or an
                effect downstream more than once. *Never delivered*: acknowledged, but an effect or CloudEvent still missing when
                the checks gave up. *Recovery time*: until every service answers 200 on `/health/ready` and its event pipeline
                has worked off the fault's backlog (every progression has passed the newest event committed when the service came
                back, or none lags: 0 events behind, or the oldest unprocessed event has waited at most 2 s, as the daemon polls),
                counted from a killed service's restart, or from the moment a restarted PostgreSQL or RabbitMQ accepts connections
                again (how long that took is shown beside it; a server not back within 90 s fails the run). Targets: 0 lost,
                0 duplicate effects, recovery within 40 s of each fault (30 s before rule set v2), no manual step.
                `bash deploy/chaos.sh --short` is the same with every fault once (RabbitMQ once) and commands until the last
                fault has recovered, in under 4 minutes.
                """);
            sb.AppendLine();
            sb.AppendLine("## Latest full run");
            sb.AppendLine();
        }

        sb.AppendLine(Inv($"{(options.Short ? "Short run" : "Full run")} of {Clock.StartedAt:yyyy-MM-dd HH:mm} UTC on {Machine()}; commit {Commit()}."));
        sb.AppendLine();
        sb.Append(Table());
        sb.AppendLine();
        sb.AppendLine($"**{Verdict()}**");
        sb.AppendLine();
        sb.Append(Details());
        return sb.ToString();
    }

    private static string Machine()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memory = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var gb = memory is null ? "?" : Inv($"{long.Parse(memory, CultureInfo.InvariantCulture) / 1024.0 / 1024:0}");
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {gb} GB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; " +
            $"load average {LoadAtStart} at the start, {load} at the end (a shared machine: other work runs beside it)";
    }

    private string Commit()
    {
        var sha = Git("rev-parse --short HEAD");
        var dirty = Git("status --porcelain --untracked-files=no");
        return sha is null ? "unknown" : $"`{sha}`{(string.IsNullOrEmpty(dirty) ? "" : " with uncommitted changes")}";
    }

    private string? Git(string arguments)
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", $"-C \"{options.Repo}\" {arguments}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            var output = git?.StandardOutput.ReadToEnd().Trim();
            return git?.WaitForExit(10_000) == true && git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
