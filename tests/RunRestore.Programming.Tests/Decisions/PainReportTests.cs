using RunRestore.Programming.Pain;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>DOMAIN.md P1-P3 (rule set v2) on every pain report from intake, whatever its phase.</summary>
public sealed class PainReportTests
{
    private readonly ProgramScenario _scenario = new();
    private int _nextReport = 500;

    public PainReportTests() => _scenario.Prescribe(Screens.First(Screens.AnteriorKnee));

    private IReadOnlyList<object> Report(int day, int severity, string phase, string site = "anterior_knee") =>
        _scenario.When(state => MonitoringPainReport.Decide(
            new MonitorPainReport(Id(_nextReport++), Day(day), site, "left", severity, phase), state!, At(day, 20)));

    [Theory]
    [InlineData("during_run")]
    [InlineData("after_run")]
    public void Running_pain_above_the_ceiling_advises_changing_the_running(string phase)
    {
        var advised = Assert.Single(Report(1, 4, phase).OfType<RunningChangeAdvised>());

        Assert.Equal((4, 3, "P1", 2, "A"), (advised.Pain, advised.Ceiling, advised.Why.RuleId, advised.Why.RuleVersion, advised.Why.Evidence));
        Assert.Contains("shorter, easier, or cross-training", advised.Why.Sentence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("during_run", 3)]
    [InlineData("at_rest", 4)]
    [InlineData("next_morning", 4)]
    public void Running_pain_within_the_ceiling_and_pain_away_from_running_advise_nothing_about_running(string phase, int pain)
    {
        Assert.Empty(Report(1, pain, phase).OfType<RunningChangeAdvised>());
    }

    [Fact]
    public void Every_phase_is_compared_with_the_last_report_for_its_site()
    {
        Assert.Empty(Report(1, 4, "at_rest").OfType<ClinicianAlertRaised>());
        var low = Assert.Single(Report(2, 5, "after_run").OfType<ClinicianAlertRaised>());
        var high = Assert.Single(Report(3, 7, "during_run").OfType<ClinicianAlertRaised>());

        Assert.Equal(("low", "P3", 2), (low.Level, low.Why.RuleId, low.Why.RuleVersion));
        Assert.Contains("+1 since the last report for that site (4/10)", low.Why.Sentence, StringComparison.Ordinal);
        Assert.Equal("critical", high.Level);
    }

    [Fact]
    public void A_first_report_of_6_for_a_site_is_high_and_another_site_has_its_own_history()
    {
        Report(1, 4, "during_run");

        var first = Assert.Single(Report(2, 6, "at_rest", "achilles").OfType<ClinicianAlertRaised>());
        var rising = Assert.Single(Report(3, 6, "during_run").OfType<ClinicianAlertRaised>());

        Assert.Equal("high", first.Level);
        Assert.Contains("a first report at 6/10 or more", first.Why.Sentence, StringComparison.Ordinal);
        Assert.Equal("high", rising.Level);
    }

    [Fact]
    public void A_next_morning_report_is_also_the_24_hour_response()
    {
        var events = Report(1, 2, "next_morning");

        Assert.IsType<PainReportMonitored>(events[0]);
        Assert.IsType<NextMorningPainRecorded>(events[1]);
        Assert.Equal(2, _scenario.Program.BaselineMorningPain);
    }
}
