using RunRestore.Assessment.Screening;
using Xunit;

namespace RunRestore.Assessment.Tests.Screening;

public sealed class LoadFlagFindingTests
{
    [Theory]
    [InlineData("L2", "load_spike", "X", "acwr", 1.62, "load", "training_load", "ACWR 1.62")]
    [InlineData("L3", "distance_jump", "B", "increase_percent", 45, "load", "training_load", "+45 % weekly distance")]
    [InlineData("L4", "monotony", "C", "monotony", 2.4, "load", "training_monotony", "monotony 2.40")]
    [InlineData("L5", "intensity", "C", "hard_share_percent", 55.6, "load", "running_intensity", "55.6 % hard runs")]
    [InlineData("L6", "too_many_races", "C", "days_between", 14, "load", "race_calendar", "races 14 days apart")]
    [InlineData("S1", "short_sleep", "B", "sleep_hours_average", 6.2, "recovery_wellness", "sleep", "6.2 h sleep a night")]
    [InlineData("S2", "high_stress", "B", "stress_average", 4.33, "recovery_wellness", "stress", "stress 4.33 of 5")]
    public void Every_load_and_wellness_flag_becomes_a_finding_that_keeps_its_rule_id_evidence_and_main_number(
        string ruleId, string flagKind, string evidence, string numberKey, double number, string kind, string region, string label)
    {
        var screen = new ScreenBuilder().Flag(ruleId, flagKind, evidence, "Intake's sentence.", (numberKey, (decimal)number), ("other", 99));

        var finding = Assert.Single(screen.Findings());

        Assert.Equal((kind, region, (BodySide?)null, ruleId, evidence), (finding.Kind, finding.Region, finding.Side, finding.RuleId, finding.Evidence));
        Assert.Equal(((decimal?)number, label), (finding.Magnitude, finding.MagnitudeLabel));
        Assert.Equal([$"intake:{ruleId}:{flagKind}"], finding.TriggeringInputs);
        Assert.Equal($"{ruleId}:{region}:both", finding.Key);
        Assert.EndsWith("\"Intake's sentence.\"", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void L3_says_pushing_too_hard_in_plain_words_and_quotes_intake()
    {
        var screen = new ScreenBuilder().Flag("L3", "distance_jump", "B",
            "Your running distance rose 45 % this week (from 20.0 km to 29.0 km). Big weekly jumps (> 30 %) are linked to running injuries (Nielsen 2014).",
            ("increase_percent", 45m));

        Assert.Equal(
            "Pushing too hard: a big jump in weekly distance (L3, from the runner's training log when the screen started): \"Your running distance rose 45 % this week (from 20.0 km to 29.0 km). Big weekly jumps (> 30 %) are linked to running injuries (Nielsen 2014).\"",
            Assert.Single(screen.Findings()).Explanation);
    }

    [Fact]
    public void L5_and_L6_read_as_runs_too_intense_and_too_many_competitions()
    {
        var findings = new ScreenBuilder().Flag("L5", "intensity", "C", "x.").Flag("L6", "too_many_races", "C", "y.").Findings();

        Assert.StartsWith("Runs too intense (L5", findings[0].Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Too many competitions (L6", findings[1].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flag_without_its_main_number_still_makes_a_finding_labelled_in_words()
    {
        var finding = Assert.Single(new ScreenBuilder().Flag("S1", "short_sleep", "B", "You slept little.").Findings());

        Assert.Equal(((decimal?)null, "short sleep"), (finding.Magnitude, finding.MagnitudeLabel));
    }

    [Fact]
    public void L2_under_load_and_unknown_rules_make_no_finding()
    {
        var screen = new ScreenBuilder().Flag("L2", "under_load", "X", "You are training less than usual.", ("acwr", 0.6m))
            .Flag("L9", "something_new", "C", "Not known to this rule version.");

        Assert.Empty(screen.Findings());
    }
}
