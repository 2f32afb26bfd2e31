using RunRestore.Assessment.V1;
using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using RunRestore.Common.V1;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;
using Xunit;

namespace RunRestore.Cli.Tests;

public sealed class EnumWordsTests
{
    [Fact]
    public void Each_vocabulary_is_the_proto_values_in_lower_snake_case_without_unspecified()
    {
        Assert.Equal(["easy", "long", "tempo", "interval", "race", "recovery"], EnumWords.Words<SessionType>());
        Assert.Equal(["left", "right", "both", "na"], EnumWords.Words<Side>());
        Assert.Equal(["during_run", "after_run", "next_morning", "at_rest"], EnumWords.Words<PainPhase>());
        Assert.Equal(["good", "fair", "poor"], EnumWords.Words<Rating>());
        Assert.Equal(["female", "male", "other"], EnumWords.Words<Sex>());
        Assert.Contains("anterior_knee", EnumWords.Words<BodySite>());
        Assert.Contains("heel_plantar", EnumWords.Words<BodySite>());
    }

    [Theory]
    [InlineData("anterior_knee", BodySite.AnteriorKnee)]
    [InlineData("Anterior-Knee", BodySite.AnteriorKnee)]
    [InlineData(" lateral_knee ", BodySite.LateralKnee)]
    [InlineData("lower_back", BodySite.LowerBack)]
    public void Words_parse_whatever_the_case_and_with_dashes(string word, BodySite expected) =>
        Assert.Equal(expected, EnumWords.Parse<BodySite>(word, "--site"));

    [Fact]
    public void Na_and_not_applicable_both_mean_a_side_that_does_not_apply()
    {
        Assert.Equal(Side.NotApplicable, EnumWords.Parse<Side>("na", "--side"));
        Assert.Equal(Side.NotApplicable, EnumWords.Parse<Side>("not_applicable", "--side"));
        Assert.Equal("not_applicable", EnumWords.Word(Side.NotApplicable));
    }

    [Theory]
    [InlineData("foo", "--type: 'foo' is not one of easy, long, tempo, interval, race, recovery")]
    [InlineData("unspecified", "--type: 'unspecified' is not one of easy, long, tempo, interval, race, recovery")]
    [InlineData("", "--type: nothing is not one of easy, long, tempo, interval, race, recovery")]
    public void An_unknown_word_is_a_usage_error_listing_the_allowed_words(string word, string message)
    {
        var ex = Assert.Throws<CliUsageException>(() => EnumWords.Parse<SessionType>(word, "--type"));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Output_words_match_input_words_and_unspecified_shows_as_a_dash()
    {
        Assert.Equal("during_run", EnumWords.Word(PainPhase.DuringRun));
        Assert.Equal("maintain", EnumWords.Word(Phase.Maintain));
        Assert.Equal("—", EnumWords.Word(Rating.Unspecified));
    }
}
