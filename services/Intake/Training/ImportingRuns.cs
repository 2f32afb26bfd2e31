using Marten;
using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Intake.Training;

/// <summary>What became of one item of an import.</summary>
public sealed record ImportItemResult(int Index, ImportItemOutcome Outcome, Guid? RunId,
    IReadOnlyList<FieldProblem> Violations);

public enum ImportItemOutcome
{
    Imported = 1,
    Duplicate = 2,
    Rejected = 3,
}

public sealed record ImportResult(IReadOnlyList<ImportItemResult> Items, FlagChanges Flags);

/// <summary>One item of an import after its checks: the run, or what is wrong with it.</summary>
public sealed record CheckedRun(RunLogged? Run, IReadOnlyList<FieldProblem> Violations);

/// <summary>
/// Partner back-fill: many runs of one runner in one transaction (one fetch, one save — TECH-NOTES.md: batching is
/// what makes ingest fast). Each item is validated and deduplicated on its own; flags are evaluated once, after the
/// whole batch, so years of history do not raise and clear the same flag over and over.
/// </summary>
public static class ImportingRuns
{
    public const int MaxItems = 5000;

    /// <summary>
    /// Refuses a batch that is empty or too big; otherwise checks every item on its own, before anything touches the
    /// database, so a bad one (a NUL in external_id, 1e300 km) is that item's rejection and never a failed batch (issue 12).
    /// </summary>
    public static IReadOnlyList<CheckedRun> Check(IReadOnlyList<RunDraft> drafts, Func<Guid> newRunId, DateTimeOffset now,
        DateOnly today)
    {
        new FieldViolations()
            .Check(drafts.Count > 0, "runs", "must hold at least one run")
            .Check(drafts.Count <= MaxItems, "runs", $"holds {drafts.Count} runs; the limit is {MaxItems} per call: split the batch")
            .ThrowIfAny();
        return drafts.Select(draft =>
        {
            var violations = new FieldViolations();
            return new CheckedRun(LoggingRun.Decide(draft, newRunId(), now, today, violations), violations.ToList());
        }).ToList();
    }

    public static async Task<ImportResult> HandleAsync(IDocumentSession session, Guid runnerId, IReadOnlyList<RunDraft> drafts,
        TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = await session.OfRunnerAsync(runnerId, now, ct).ConfigureAwait(false);
        var checkedRuns = Check(drafts, () => Guid.CreateVersion7(now), now, today);
        var keys = checkedRuns.Select(d => d.Run).OfType<RunLogged>().Where(r => r.Partner is not null)
            .Select(r => PartnerActivity.KeyOf(r.Partner!, r.ExternalId!)).Distinct().ToArray();
        var known = keys.Length == 0
            ? new Dictionary<string, PartnerActivity>()
            : (await session.LoadManyAsync<PartnerActivity>(ct, keys).ConfigureAwait(false)).ToDictionary(a => a.Id);

        var results = new List<ImportItemResult>(drafts.Count);
        var runs = new List<object>();
        for (var i = 0; i < checkedRuns.Count; i++)
        {
            var run = checkedRuns[i].Run;
            if (run is null)
            {
                results.Add(new ImportItemResult(i, ImportItemOutcome.Rejected, null, checkedRuns[i].Violations));
                continue;
            }

            if (run.Partner is { } partner)
            {
                var key = PartnerActivity.KeyOf(partner, run.ExternalId!);
                if (known.TryGetValue(key, out var seen))
                {
                    results.Add(seen.RunnerId == runnerId
                        ? new ImportItemResult(i, ImportItemOutcome.Duplicate, seen.RunId, [])
                        : new ImportItemResult(i, ImportItemOutcome.Rejected, null,
                            [new FieldProblem("external_id", "this activity belongs to another runner")]));
                    continue;
                }

                var activity = new PartnerActivity(key, runnerId, run.RunId);
                known[key] = activity;
                session.Insert(activity);
            }

            runs.Add(run);
            results.Add(new ImportItemResult(i, ImportItemOutcome.Imported, run.RunId, []));
        }

        // Also when nothing is left to import: a batch for an unknown runner is NOT_FOUND, not a list of rejections.
        var flags = await session.AppendEntriesAsync(runnerId, runs, now, ct).ConfigureAwait(false);
        return new ImportResult(results, flags);
    }
}
