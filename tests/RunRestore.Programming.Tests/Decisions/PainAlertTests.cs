using RunRestore.Programming.Programs;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

public sealed class PainAlertTests
{
    private static ClinicianAlertRaised? AlertAfter(int? previousPain, int pain)
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        if (previousPain is { } previous)
        {
            scenario.Session(0, pain: previous);
        }

        return scenario.Session(2, pain: pain).OfType<ClinicianAlertRaised>().SingleOrDefault();
    }

    [Theory]
    [InlineData(4, 5, "low")]
    [InlineData(5, 6, "low")]
    [InlineData(3, 5, "high")]
    [InlineData(1, 6, "high")]
    [InlineData(6, 7, "critical")]
    [InlineData(9, 7, "critical")]
    [InlineData(null, 6, "high")]
    [InlineData(null, 7, "critical")]
    [InlineData(null, 10, "critical")]
    public void Pain_of_5_or_more_rising_a_first_report_of_6_or_7_or_more_alerts_the_clinician(int? previous, int pain, string level)
    {
        var alert = AlertAfter(previous, pain);

        Assert.NotNull(alert);
        Assert.Equal(level, alert.Level);
        Assert.Equal(("P3", "C", 2), (alert.Why.RuleId, alert.Why.Evidence, alert.Why.RuleVersion));
        Assert.Contains($"{pain}/10", alert.Why.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 4)]
    [InlineData(6, 6)]
    [InlineData(6, 5)]
    [InlineData(null, 5)]
    [InlineData(0, 2)]
    public void Pain_below_5_steady_or_falling_or_a_first_session_below_6_raises_nothing(int? previous, int pain)
    {
        Assert.Null(AlertAfter(previous, pain));
    }
}
