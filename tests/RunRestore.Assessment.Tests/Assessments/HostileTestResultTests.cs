using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;

namespace RunRestore.Assessment.Tests.Assessments;

/// <summary>RecordingTestResult.Decide refuses hostile input by field and never echoes more than a short quote (issue 12).</summary>
public sealed class HostileTestResultTests
{
    private readonly AssessmentScenario _scenario = new AssessmentScenario().Given(Started());

    private static RecordTestResult Draft(string code = "knee_to_wall", double value = 9, string? notes = null) =>
        Record(code, BodySide.Left, value, notes: notes);

    private InvalidRequestException Refused(RecordTestResult draft) =>
        Assert.Throws<InvalidRequestException>(() => RecordingTestResult.Decide(draft, _scenario.State, Guid.CreateVersion7(), Now));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e300)]
    public void A_value_that_is_not_a_finite_number_is_refused_naming_value(double value) =>
        Assert.Equal("value", Assert.Single(Refused(Draft(value: value)).Problems).Field);

    [Fact]
    public void An_unknown_code_of_70000_characters_is_refused_without_echoing_it()
    {
        var ex = Refused(Draft(code: new string('z', 70_000)));

        var violation = Assert.Single(ex.Problems);
        Assert.Equal("test_code", violation.Field);
        Assert.True(ex.Message.Length < 300, ex.Message);
    }

    [Fact]
    public void An_unknown_code_is_quoted_in_at_most_100_characters()
    {
        var ex = Refused(Draft(code: new string('z', 60)));

        Assert.Contains(new string('z', 60), Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bell\u0007")]
    [InlineData("nul\u0000")]
    public void Notes_with_control_characters_are_refused_naming_notes(string notes) =>
        Assert.Equal("notes", Assert.Single(Refused(Draft(notes: notes)).Problems).Field);

    [Fact]
    public void Recording_on_a_completed_assessment_names_the_rule_and_the_field() =>
        _scenario.Given(CompletedOn(Today)).When(Draft()).ThenRefused("assessment_open", "assessment_id");
}
