using RunRestore.Cli.App;
using RunRestore.Cli.Input;
using Xunit;

namespace RunRestore.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Global_options_before_the_command_move_after_it()
    {
        Assert.Equal(["runner", "show", "abc", "--intake", "http://h:1", "--token=t"],
            CliApp.Hoist(["--intake", "http://h:1", "--token=t", "runner", "show", "abc"]));
    }

    [Fact]
    public void Arguments_that_start_with_the_command_stay_as_they_are()
    {
        string[] args = ["runner", "show", "abc", "--intake", "http://h:1"];

        Assert.Equal(args, CliApp.Hoist(args));
    }

    [Fact]
    public void An_exercise_spec_reads_sets_reps_rpe_and_pain_and_may_hold_or_be_abandoned()
    {
        var done = ExerciseSpecs.Parse("glute_bridge:3:12:5:2");
        Assert.Equal(("glute_bridge", 3, 12, 5, 2, true), (done.Code, done.Sets, done.Reps, done.Rpe, done.Pain, done.Completed));

        var held = ExerciseSpecs.Parse("side_plank:2:30s:6:1:abandoned");
        Assert.Equal((30, 0, false), (held.HoldSeconds, held.Reps, held.Completed));
    }

    [Theory]
    [InlineData("glute_bridge:3:12:5")]
    [InlineData("glute_bridge:3:x:5:2")]
    [InlineData(":3:12:5:2")]
    [InlineData("glute_bridge:3:12:5:2:maybe")]
    public void A_malformed_exercise_spec_is_a_usage_error_naming_the_format(string spec)
    {
        var ex = Assert.Throws<CliUsageException>(() => ExerciseSpecs.Parse(spec));

        Assert.StartsWith($"--exercise '{spec}':", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_option_wins_over_the_environment_which_wins_over_the_default()
    {
        Assert.Equal("a", Endpoints.Pick("a", "b", "c"));
        Assert.Equal("b", Endpoints.Pick(" ", "b", "c"));
        Assert.Equal("c", Endpoints.Pick(null, "", "c"));
    }
}
