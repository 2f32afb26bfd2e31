using RunRestore.Intake.Pain;
using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

public sealed class PainDecisionTests
{
    private static readonly ReportingPain.LinkedRun TenKm = new(Id(1000), 10m, 60m);

    private static Guid NoFlagIds() => throw new InvalidOperationException("No red flag was expected.");

    private static PainDraft Knee(double? onsetKm = 9, string? linkedRunId = null) => new(Date(0),
        Choice.Of(BodySite.AnteriorKnee), Choice.Of(Side.Left), 4, Choice.Of(PainPhase.DuringRun), onsetKm, null,
        linkedRunId ?? Id(1000).ToString(), 3, "aches from the 9 km mark");

    [Fact]
    public void Pain_is_reported_with_its_onset_within_the_linked_run() =>
        new IntakeScenario()
            .Given(Run(0))
            .When(log => ReportingPain.Decide(Knee(), TenKm, Id(50), Now, Today, NoFlagIds))
            .Then(new PainReported(Id(50), Today, BodySite.AnteriorKnee, Side.Left, 4, PainPhase.DuringRun, 9m, null,
                Id(1000), 3, "aches from the 9 km mark", Now, RedFlagAnswers.NoneAsked));

    [Fact]
    public void An_onset_beyond_the_linked_runs_distance_is_refused_naming_onset_km() =>
        Assert.Equal("is beyond the linked run's distance (10 km)", new IntakeScenario()
            .Given(Run(0))
            .When(log => ReportingPain.Decide(Knee(onsetKm: 12), TenKm, Id(50), Now, Today, NoFlagIds))
            .ThenRefused("onset_km"));

    [Fact]
    public void A_linked_run_that_is_not_the_runners_is_refused_naming_linked_run_id() =>
        Assert.Equal("is not a run of this runner", new IntakeScenario()
            .When(log => ReportingPain.Decide(Knee(linkedRunId: Id(999).ToString()), null, Id(50), Now, Today, NoFlagIds))
            .ThenRefused("linked_run_id"));

    [Fact]
    public void An_open_pain_is_resolved_and_is_no_longer_open()
    {
        var scenario = new IntakeScenario()
            .Given(PainReport(50, day: -3))
            .When(log => ResolvingPain.Decide(Id(50), Today, log, Day(-3), Now))
            .Then(new PainResolved(Id(50), Today, Now));

        Assert.Empty(scenario.Log.OpenPain);
    }

    [Fact]
    public void Pain_cannot_resolve_before_it_was_reported() =>
        Assert.Equal($"must not be before the pain was reported ({Date(-3)})", new IntakeScenario()
            .Given(PainReport(50, day: -3))
            .When(log => ResolvingPain.Decide(Id(50), Day(-4), log, Day(-3), Now))
            .ThenRefused("date"));

    [Fact]
    public void Pain_resolved_once_is_not_found_the_second_time() =>
        new IntakeScenario()
            .Given(PainReport(50, day: -3), new PainResolved(Id(50), Day(-1), Now))
            .When(log => ResolvingPain.Decide(Id(50), Today, log, Day(-3), Now))
            .ThenNotFound();
}
