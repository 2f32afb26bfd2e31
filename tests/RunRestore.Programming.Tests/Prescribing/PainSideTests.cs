using RunRestore.Programming.Prescriptions;
using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Tests.ProgramScenario;

namespace RunRestore.Programming.Tests.Prescribing;

/// <summary>
/// Issue 13, pain side against finding side: an exercise for a one-sided finding says whether that is the painful
/// side, so a clinician reads "weak left hip, right knee pain" as a possible contributor, not the sore spot.
/// </summary>
public sealed class PainSideTests
{
    private static readonly ScreenFinding LeftBalance = new("M6:foot_ankle_control:left", "balance", "foot_ankle_control", "left", "M6");

    private static ProgramPrescribed Prescribe(string painSide) => Assert.IsType<ProgramPrescribed>(new ProgramScenario().Prescribe(
        Screens.First(LeftBalance) with
        {
            Pain = RunnerPain.From(new IntakeSignalLog(Id(1), []).With(new KnownPainReport(Id(51), Day(-2), "anterior_knee", painSide, 2)),
                "anterior_knee"),
        })[0]);

    [Fact]
    public void A_finding_on_the_other_side_is_named_a_possible_contributor()
    {
        var balance = Assert.Single(Prescribe("right").Exercises, e => e.FindingKey == LeftBalance.Key);

        Assert.Contains("The finding is on the left side and the pain on the right: it is treated as a possible contributor",
            balance.Why.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_on_the_painful_side_says_so_and_pain_on_both_sides_says_nothing_of_sides()
    {
        Assert.Contains("The finding is on the painful (left) side.",
            Assert.Single(Prescribe("left").Exercises, e => e.FindingKey == LeftBalance.Key).Why.Sentence, StringComparison.Ordinal);
        var both = Assert.Single(Prescribe("both").Exercises, e => e.FindingKey == LeftBalance.Key).Why.Sentence;
        Assert.DoesNotContain("The finding is on the", both, StringComparison.Ordinal);
    }
}
