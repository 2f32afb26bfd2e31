namespace RunRestore.Intake.Training;

/// <summary>Weeks as the clinic counts them (ISO 8601): Monday first, Sunday last.</summary>
public static class IsoWeek
{
    public static int DaysSinceMonday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => 0,
        DayOfWeek.Tuesday => 1,
        DayOfWeek.Wednesday => 2,
        DayOfWeek.Thursday => 3,
        DayOfWeek.Friday => 4,
        DayOfWeek.Saturday => 5,
        DayOfWeek.Sunday => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "not a day of the week"),
    };

    /// <summary>The Monday of the week <paramref name="date"/> lies in.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-DaysSinceMonday(date.DayOfWeek));
}
