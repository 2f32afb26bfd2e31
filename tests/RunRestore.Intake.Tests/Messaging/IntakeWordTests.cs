using RunRestore.Intake.Messaging;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using Xunit;
using Contract = RunRestore.Contracts;

namespace RunRestore.Intake.Tests.Messaging;

/// <summary>Every domain enum member that crosses to the other services has its own contract word.</summary>
public sealed class IntakeWordTests
{
    [Fact]
    public void Every_body_site_is_one_of_the_contracts_body_sites() =>
        AssertWords<BodySite>(IntakeIntegrationEvents.Word, Contract.Intake.BodySites.All);

    [Fact]
    public void Every_side_is_one_of_the_contracts_body_sides() =>
        AssertWords<Side>(IntakeIntegrationEvents.Word, Contract.Intake.BodySides.All);

    [Fact]
    public void Every_pain_phase_is_one_of_the_contracts_pain_phases() =>
        AssertWords<PainPhase>(IntakeIntegrationEvents.Word, Contract.Intake.PainPhases.All);

    [Fact]
    public void Session_types_keep_their_words() =>
        AssertWords<SessionType>(IntakeIntegrationEvents.Word, ["easy", "long", "tempo", "interval", "race", "recovery"]);

    [Fact]
    public void Surfaces_keep_their_words() =>
        AssertWords<Surface>(IntakeIntegrationEvents.Word, ["road", "trail", "track", "treadmill", "grass", "mixed"]);

    [Fact]
    public void Every_sex_has_its_own_word() =>
        AssertWords<RunnerSex>(IntakeIntegrationEvents.SexOf,
            [Contract.RunnerSexes.Female, Contract.RunnerSexes.Male, Contract.RunnerSexes.Other]);

    // One word per member, all different, and together exactly the words the contract knows.
    private static void AssertWords<T>(Func<T, string> word, IReadOnlyList<string> words) where T : struct, Enum =>
        Assert.Equal(words.Order(StringComparer.Ordinal), Enum.GetValues<T>().Select(word).Order(StringComparer.Ordinal));
}
