using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Grpc;
using RunRestore.Assessment.Screening;
using RunRestore.Contracts.Intake;
using ClinicScreen = RunRestore.Contracts.Assessment.ClinicScreen;
using ClinicScreenResult = RunRestore.Contracts.Assessment.ClinicScreenResult;
using ClinicScreenSubmitted = RunRestore.Contracts.Assessment.ClinicScreenSubmitted;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

/// <summary>
/// DOMAIN.md K5 (v2, evidence A): heel (plantar fascia) pain reasons BMI &gt; 27 as a contributing factor (OR 3.7, Riddle
/// 2003). Height and weight come with the screen's start (both or neither); without them K5's BMI part is not judged.
/// </summary>
public sealed class HeelPainBodyMassTests
{
    private const string BodyMassKey = "K5:body_mass:both";
    private readonly AssessmentScenario _scenario = new();

    private AssessmentScenario ScreenedWith(string site, double? heightCm, double? weightKg) =>
        _scenario.GivenPainReport(Pain(7, site))
            .When(new StartAssessment(Runner.Id.ToString(), "heel pain", Id(7).ToString(), "", heightCm, weightKg))
            .When(new CompleteAssessment(Id(100)));

    [Fact]
    public void Heel_pain_with_a_bmi_of_29_4_finds_body_mass_and_ranks_it_first_under_K5_v2()
    {
        var completed = ScreenedWith(BodySites.HeelPlantar, 165, 80).Then<AssessmentCompleted>(_ => { });

        var finding = Assert.Single(completed.Findings);
        Assert.Equal((BodyMassKey, "body_composition", "K5", 2, "A", "BMI 29.4"),
            (finding.Key, finding.Kind, finding.RuleId, finding.RuleVersion, finding.Evidence, finding.MagnitudeLabel));
        Assert.Contains("BMI 29.4 (80 kg, 165 cm) is above 27", finding.Explanation, StringComparison.Ordinal);
        Assert.Contains("OR 3.7, Riddle 2003", finding.Explanation, StringComparison.Ordinal);
        var region = completed.Regions[0];
        Assert.Equal(("body_mass", 1, "K5", "A", BodyMassKey), (region.Region, region.Rank, region.RuleId, region.Evidence,
            Assert.Single(region.SupportingFindingKeys)));
        Assert.Contains("BMI 29.4", region.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Heel_pain_without_height_and_weight_says_K5s_bmi_part_was_not_judged()
    {
        var completed = ScreenedWith(BodySites.HeelPlantar, null, null).Then<AssessmentCompleted>(_ => { });

        Assert.DoesNotContain(completed.Findings, f => f.Region == "body_mass");
        var region = Assert.Single(completed.Regions, r => r.Region == "body_mass");
        Assert.Equal(("K5", 3), (region.RuleId, region.Rank));
        Assert.Empty(region.SupportingFindingKeys);
        Assert.Contains("K5's BMI part (BMI above 27, OR 3.7, Riddle 2003) was not judged", region.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Heel_pain_with_a_bmi_of_24_2_finds_nothing_and_lists_no_body_mass_region() =>
        Assert.Equal(["calf", "ankle_dorsiflexion"], ScreenedWith(BodySites.HeelPlantar, 170, 70)
            .Then<AssessmentCompleted>(c => Assert.Empty(c.Findings)).Regions.Select(r => r.Region));

    [Fact]
    public void Knee_pain_with_a_high_bmi_is_no_K5_reasoning() =>
        ScreenedWith(BodySites.AnteriorKnee, 165, 90).Then<AssessmentCompleted>(c =>
        {
            Assert.Empty(c.Findings);
            Assert.DoesNotContain(c.Regions, r => r.Region == "body_mass");
        });

    [Theory]
    [InlineData(170.0, null, "weight_kg")]
    [InlineData(null, 70.0, "height_cm")]
    [InlineData(40.0, 70.0, "height_cm")]
    [InlineData(170.0, 700.0, "weight_kg")]
    [InlineData(double.NaN, 70.0, "height_cm")]
    public void Height_and_weight_come_both_or_neither_within_plausible_ranges(double? heightCm, double? weightKg, string field) =>
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "heel pain", "", "", heightCm, weightKg)).ThenRefused(field);

    [Fact]
    public void A_start_keeps_height_and_weight_and_GetAssessment_shows_them_with_the_bmi()
    {
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "heel pain", "", "", 165, 80))
            .Then<AssessmentStarted>(s => Assert.Equal(new BodyMeasures(165, 80), s.Body));

        var shown = AssessmentProtoMapping.ToProto(_scenario.State);

        Assert.Equal((165d, 80d, 29.4d), (shown.HeightCm, shown.WeightKg, shown.Bmi));
    }

    [Fact]
    public void A_clinic_screen_with_weight_but_no_height_is_refused_naming_data_height_cm() =>
        _scenario.When(new ClinicScreenSubmitted("1.0", "screen-1", "clinic-a/ehr", "runrestore.clinic.screen_submitted",
                Runner.Id.ToString(), null, new ClinicScreen("heel", null,
                    [new ClinicScreenResult(TestCodes.KneeToWall, "left", 9, null, null, null)], null, null, 80m)))
            .ThenRefused("data.height_cm");

    [Fact]
    public void A_re_screen_without_height_and_weight_leaves_the_bmi_finding_not_re_tested_never_resolved()
    {
        ScreenedWith(BodySites.HeelPlantar, 165, 80);
        _scenario.When(new StartAssessment(Runner.Id.ToString(), "re-screen", Id(7).ToString(), ""))
            .When(new CompleteAssessment(Id(101)))
            .Then<AssessmentCompleted>(c =>
            {
                Assert.Equal([BodyMassKey], c.NotRetestedFindingKeys);
                Assert.Empty(c.ResolvedFindingKeys!);
            });
    }
}
