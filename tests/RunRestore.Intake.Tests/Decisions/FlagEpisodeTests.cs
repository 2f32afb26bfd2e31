using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;

namespace RunRestore.Intake.Tests.Decisions;

/// <summary>LoadFlagEpisodes.Follow: a flag is announced when its rule starts firing and cleared when it stops.</summary>
public sealed class FlagEpisodeTests
{
    // Three weeks of history; the week before the jump ran 10 km (L3 compares 7 days with the 7 before them).
    private readonly IntakeScenario _scenario = new IntakeScenario().Given(Run(-20, km: 5), Run(-10, km: 10), Run(-5, km: 6));

    private static IReadOnlyList<string> L3(IReadOnlyList<string> ruleIds) => [.. ruleIds.Where(r => r == "L3")];

    [Fact]
    public void A_weekly_distance_jump_raises_the_flag_once_when_it_starts()
    {
        _scenario.WhenLogged(() => Run(-1, km: 7.5m));

        Assert.Equal(["L3"], L3(_scenario.Flags.Raised));
        var raised = _scenario.ThenSingle<LoadFlagRaised>();
        Assert.Equal((Day(-1), Now), (raised.AsOf, raised.RaisedAt));
        Assert.True(_scenario.Log.OpenFlags.ContainsKey(raised.Flag.Key));
    }

    [Fact]
    public void While_the_episode_is_open_further_runs_do_not_raise_it_again()
    {
        _scenario.WhenLogged(() => Run(-1, km: 7.5m));

        _scenario.WhenLogged(() => Run(0, km: 1));

        Assert.Empty(L3(_scenario.Flags.Raised));
        Assert.Empty(L3(_scenario.Flags.Cleared));
        Assert.IsType<RunLogged>(Assert.Single(_scenario.Decided));
    }

    [Fact]
    public void When_the_rule_stops_firing_the_flag_is_cleared_and_can_be_raised_again_in_a_new_episode()
    {
        _scenario.WhenLogged(() => Run(-1, km: 7.5m));

        _scenario.WhenLogged(() => Run(8, km: 1));
        var cleared = _scenario.ThenSingle<LoadFlagCleared>();

        Assert.Equal(["L3"], L3(_scenario.Flags.Cleared));
        Assert.Equal(("distance_jump", Day(8)), (cleared.Kind, cleared.AsOf));
        Assert.Contains("no longer fires as of " + Date(8), cleared.Explanation, StringComparison.Ordinal);
        Assert.Empty(_scenario.Log.OpenFlags);
        // 7.5 km → 14 km: below a 10 km base, L3 v2 needs a jump of ≥ 5 km, and this is 6.5 km
        _scenario.WhenLogged(() => Run(10, km: 13));
        Assert.Equal(["L3"], L3(_scenario.Flags.Raised));
    }

    [Fact]
    public void Nothing_logged_decides_nothing_not_even_flags() =>
        _scenario.When(log => LoadFlagEpisodes.WithFlags(log, [], Now)).Then();
}
