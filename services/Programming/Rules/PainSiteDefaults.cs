using RunRestore.Contracts.Screening;
using RunRestore.Programming.Library;
using static System.FormattableString;

namespace RunRestore.Programming.Rules;

/// <summary>
/// Fills a program up to T2's minimum of 4 exercises when the screen found fewer treatable findings, from the pain
/// site's kinetic chain (K1-K8: regions to check and treat, not proven causes), then from a general lower-limb set.
/// </summary>
internal static class PainSiteDefaults
{
    // Without a kinetic-chain rule for the site, a balanced lower-limb set (T2 convention): hips, posterior chain,
    // calf and balance are where running strength programmes start.
    private static readonly string[] General =
        [Regions.PosteriorChain, Regions.HipAbductors, Regions.Calf, Regions.DynamicBalance, Regions.Quadriceps];

    private static readonly string[] DefaultQualities =
        [Qualities.Strength, Qualities.Control, Qualities.Balance, Qualities.Mobility];

    /// <summary>Adds default exercises to <paramref name="picks"/> until it holds <paramref name="target"/>.</summary>
    public static void Fill(List<Pick> picks, string? painSite, int target, RedFlagHolds held, StartingLow? low = null)
    {
        // The kinetic chain assessment ranks regions by (Contracts); regions without exercises (load, stress) give none.
        if (KineticChain.For(painSite) is { } chain)
        {
            Add(picks, painSite, target, held, low, chain.Id, [.. chain.Regions]);
        }

        Add(picks, painSite, target, held, low, "T2", General);
        // Still short (a pain site that rules out much): any unused ladder's first step that suits the site.
        Add(picks, painSite, target, held, low, "T2", [.. ExerciseLibrary.All.Where(e => e.Step == 0)
            .Where(e => e.Quality != Qualities.Technique).Select(e => e.TargetRegions[0]).Distinct()]);
    }

    private static void Add(List<Pick> picks, string? painSite, int target, RedFlagHolds held, StartingLow? low, string rule,
        string[] regions)
    {
        foreach (var region in regions)
        {
            if (picks.Count >= target)
            {
                return;
            }

            if (ExerciseSelection.Candidate(region, DefaultQualities, painSite, picks, held, low) is not { } exercise)
            {
                continue;
            }

            var site = painSite is null ? "no pain site" : Wording.Words(painSite) + " pain";
            var reason = rule == "T2"
                ? Invariant($"{exercise.Name} rounds the program up to at least 4 exercises (T2) with ") +
                    Invariant($"{Wording.Words(region)} work.")
                : Invariant($"{exercise.Name} works the {Wording.Words(region)}, a region {rule} says to check and ") +
                    Invariant($"treat for {site}: a treatment target, not a proven cause.");
            picks.Add(Pick.Default(exercise, rule, Invariant($"{rule}:{painSite ?? "general"}"), reason + (low?.Sentence ?? "")));
        }
    }
}
