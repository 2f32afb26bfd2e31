using RunRestore.Intake.V1;

namespace RunRestore.Testing;

/// <summary>Dates and runs relative to a fixed <see cref="Today"/>, so dates in tests mean the same on every run.</summary>
public static class TestCalendar
{
    /// <summary>A Sunday, so the six weeks before it are whole calendar weeks.</summary>
    public static readonly DateOnly Today = new(2026, 6, 14);

    public static string Date(int daysFromToday) => Today.AddDays(daysFromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static RunInput Run(int daysFromToday, double km, int paceSecondsPerKm = 360, SessionType type = SessionType.Easy,
        int rpe = 4, string partner = "", string externalId = "") => new()
    {
        Date = Date(daysFromToday),
        DistanceKm = km,
        DurationSeconds = (int)Math.Round(km * paceSecondsPerKm),
        SessionType = type,
        Rpe = rpe,
        Partner = partner,
        ExternalId = externalId,
    };
}
