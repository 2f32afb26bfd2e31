namespace RunRestore.Programming.Library;

/// <summary>Short spellings for the library's data files, so each exercise reads as one small block.</summary>
internal static class Seed
{
    /// <summary>Sets of repetitions; <paramref name="perSide"/> for single-leg and side-lying work.</summary>
    public static Dosage Reps(int sets, int reps, bool perSide = false) => new(sets, reps, null, perSide);

    /// <summary>Sets of timed holds (isometrics, balance, stretches, foam rolling).</summary>
    public static Dosage Hold(int sets, int seconds, bool perSide = false) => new(sets, null, seconds, perSide);

    /// <summary>One exercise of a ladder; the step is its position in <paramref name="ladder"/>'s list.</summary>
    public static Exercise Step(
        string ladder,
        int step,
        string code,
        string name,
        string quality,
        Dosage dosage,
        string[] regions,
        string[] equipment,
        string[] cues,
        string[]? contraindications = null,
        bool heavy = false) =>
        new(code, name, regions, quality, ladder, step, dosage, equipment, cues, contraindications ?? [], heavy);

    /// <summary>A mobility exercise on a ladder of its own (nothing to progress to: DOMAIN.md lists them singly).</summary>
    public static Exercise Single(string code, string name, Dosage dosage, string[] regions, string[] equipment,
        string[] cues, string[]? contraindications = null) =>
        Step(code, 0, code, name, Qualities.Mobility, dosage, regions, equipment, cues, contraindications);
}
