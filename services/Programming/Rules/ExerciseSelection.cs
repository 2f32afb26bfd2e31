using System.Collections.Frozen;
using RunRestore.Programming.Library;
using RunRestore.Programming.Programs;
using static System.FormattableString;
using FindingKinds = RunRestore.Contracts.Assessment.FindingKinds;

namespace RunRestore.Programming.Rules;

/// <summary>The exercises chosen for a screen, and the treatable findings that found no place (T2's cap of 6).</summary>
internal sealed record Selection(IReadOnlyList<PrescribedExercise> Exercises, IReadOnlyList<ScreenFinding> Unaddressed);

/// <summary>
/// Chooses 4-6 exercises (T2) for a screen's findings: strength first (the clinic's method 4), the quality that fits
/// the finding's kind, one exercise per ladder, nothing contraindicated for the pain site; then fills up to 4 with
/// exercises whose findings resolved and with the pain site's kinetic-chain regions (K1-K8).
/// </summary>
internal static class ExerciseSelection
{
    // Which qualities treat which kind of finding, best first. Load and wellness findings are not treated with
    // exercises: T5 and the clinician handle them.
    private static readonly FrozenDictionary<string, string[]> QualitiesFor = new Dictionary<string, string[]>
    {
        [FindingKinds.StrengthDeficit] = [Qualities.Strength, Qualities.Control],
        [FindingKinds.ControlCompensation] = [Qualities.Control, Qualities.Strength, Qualities.Balance],
        [FindingKinds.Balance] = [Qualities.Balance, Qualities.Control],
        [FindingKinds.FootMechanics] = [Qualities.Balance, Qualities.Strength, Qualities.Control],
        [FindingKinds.MobilityLimit] = [Qualities.Mobility],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string[] KindOrder =
    [
        FindingKinds.StrengthDeficit, FindingKinds.ControlCompensation, FindingKinds.Balance, FindingKinds.FootMechanics,
        FindingKinds.MobilityLimit,
    ];

    /// <summary>
    /// Chooses the exercises; of findings of one kind, those on the painful side (<paramref name="painSide"/>) first. Of the <paramref name="previous"/> ones (a re-screen), those whose finding is still open
    /// (found again, or in <paramref name="notRetested"/>: untested is not resolved) stay first at their step; the others
    /// only fill up to 4 as maintenance, justified by T1 and no longer by a finding that is gone.
    /// </summary>
    public static Selection Choose(IReadOnlyList<ScreenFinding> findings, string? painSite,
        IReadOnlyList<ProgramExercise> previous, int max, RedFlagHolds? held = null, IReadOnlyList<string>? notRetested = null,
        StartingLow? low = null, string? painSide = null)
    {
        var lowNote = low?.Sentence ?? "";
        held ??= RedFlagHolds.None;
        // R1-R6: an exercise that loads a red-flagged region is not prescribed, not even kept from before.
        previous = [.. previous.Where(x => !held.Blocks(x.Exercise()))];
        var treatable = findings.Where(IsTreatable)
            .OrderBy(f => Array.IndexOf(KindOrder, f.Kind)).ThenBy(f => PainSides.Order(f, painSide)).ToList();
        var carried = previous.Where(x => treatable.Exists(f => f.Key == x.FindingKey)).ToList();
        var spare = previous.Except(carried).ToList();
        var picks = carried.OrderBy(x => treatable.FindIndex(f => f.Key == x.FindingKey)).Take(max)
            .Select(x => Pick.Carried(x, treatable.Find(f => f.Key == x.FindingKey)!, notRetested?.Contains(x.FindingKey) == true))
            .ToList();
        var unaddressed = new List<ScreenFinding>();
        foreach (var finding in treatable.Where(f => !picks.Any(p => p.Keys.Contains(f.Key))))
        {
            // The other side of a finding already placed (M4 left and right): one per-side exercise serves both.
            if (picks.Find(p => p.Keys.Exists(k => treatable.Exists(f => f.Key == k && SameFinding(f, finding)))) is { } covering)
            {
                covering.Keys.Add(finding.Key);
            }
            else if (picks.Count < max && Rejustify(spare, finding) is { } again)
            {
                // An exercise kept from before that fits the finding keeps its step and now cites this finding.
                spare.Remove(again);
                picks.Add(Pick.Rejustified(again, finding));
            }
            else if (picks.Count < max && Candidate(finding.Region, QualitiesFor[finding.Kind], painSite, picks, held, low) is { } exercise)
            {
                picks.Add(Pick.ForFinding(exercise, finding, PainSides.Note(finding, painSide) + lowNote));
            }
            else if (picks.Count < max && finding.Kind == FindingKinds.MobilityLimit
                && Candidate(finding.Region, [Qualities.Strength], painSite, picks, held, low) is { } strength)
            {
                // K6: no stretch for the painful site (hamstring pain: no hamstring stretch): strength for the region.
                picks.Add(Pick.ForFinding(strength, finding, Invariant($" No stretch is chosen for {Wording.Words(painSite ?? "")} ") +
                    "pain (K6 for the hamstring): strength for the region instead." + lowNote));
            }
            else
            {
                unaddressed.Add(finding);
            }
        }

        foreach (var kept in spare.Where(x => picks.Count < ProgramRules.MinExercises && !Uses(picks, x.Code)))
        {
            picks.Add(Pick.Maintenance(kept));
        }

        PainSiteDefaults.Fill(picks, painSite, Math.Min(ProgramRules.MinExercises, max), held, low);
        return new Selection([.. picks.Select(p => p.ToPrescribed())], unaddressed);
    }

    /// <summary>Whether exercises treat the finding (load and wellness findings are T5's, S1/S2's and the clinician's).</summary>
    public static bool IsTreatable(ScreenFinding finding) => finding is not null && QualitiesFor.ContainsKey(finding.Kind);

    /// <summary>
    /// The best entry for a region: fitting quality, lowest step, the region as the main target. While Restore starts
    /// <paramref name="low"/>, the best one within the second step, else the second step of the best one's ladder.
    /// </summary>
    public static Exercise? Candidate(string region, IReadOnlyList<string> qualities, string? painSite, IList<Pick> picks,
        RedFlagHolds held, StartingLow? low = null)
    {
        var fitting = ExerciseLibrary.ForRegion(region)
            .Where(e => qualities.Contains(e.Quality) && Allowed(e, painSite, held))
            .Where(e => !picks.Any(p => p.Exercise.Ladder == e.Ladder))
            .OrderBy(e => qualities.ToList().IndexOf(e.Quality)).ThenBy(e => e.Step)
            .ThenBy(e => e.TargetRegions.ToList().IndexOf(region))
            .ToList();
        return low is null || fitting.Count == 0
            ? fitting.FirstOrDefault()
            : fitting.Find(StartingLow.Allows) ?? ExerciseLibrary.Ladder(fitting[0].Ladder)
                .LastOrDefault(e => StartingLow.Allows(e) && Allowed(e, painSite, held));
    }

    private static bool Allowed(Exercise e, string? painSite, RedFlagHolds held) =>
        !ExerciseLibrary.IsContraindicated(e, painSite) && !held.Blocks(e);

    // A kept exercise whose main quality treats the finding's kind and that targets its region.
    private static ProgramExercise? Rejustify(List<ProgramExercise> spare, ScreenFinding finding) =>
        spare.Find(x => x.Exercise().TargetRegions.Contains(finding.Region, StringComparer.Ordinal)
            && QualitiesFor[finding.Kind].Contains(x.Exercise().Quality));

    private static bool SameFinding(ScreenFinding a, ScreenFinding b) =>
        a.Region == b.Region && a.Kind == b.Kind && a.RuleId == b.RuleId;

    private static bool Uses(List<Pick> picks, string code) =>
        picks.Any(p => p.Exercise.Ladder == ExerciseLibrary.Get(code).Ladder);
}
