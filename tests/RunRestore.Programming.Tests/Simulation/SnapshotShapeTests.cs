using System.Reflection;
using System.Text.Json;
using RunRestore.Programming.Programs;
using Xunit;

namespace RunRestore.Programming.Tests.Simulation;

/// <summary>What Marten's inline snapshot needs from the state: public Apply per event, no Evolve, JSON round trip.</summary>
public sealed class SnapshotShapeTests
{
    public static TheoryData<Type> EventTypes =>
    [
        typeof(ProgramRevised), typeof(SessionRecorded), typeof(NextMorningPainRecorded),
        typeof(NextSessionRegressionPlanned), typeof(ExerciseProgressed), typeof(ExerciseRegressed), typeof(ExerciseHeld),
        typeof(ProgressionsHeld), typeof(RunningVolumeAdvised), typeof(PhaseAdvanced), typeof(PhaseOverridden),
        typeof(PainCeilingSet), typeof(ClinicianAlertRaised), typeof(EngagementNudged),
    ];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Every_event_after_the_first_has_a_public_Apply(Type eventType)
    {
        var apply = typeof(RunnerProgram).GetMethod("Apply", BindingFlags.Public | BindingFlags.Instance, [eventType]);

        Assert.NotNull(apply);
        Assert.Equal(typeof(RunnerProgram), apply.ReturnType);
        Assert.True(eventType.IsSealed);
    }

    [Fact]
    public void The_stream_starts_with_a_public_static_Create_and_has_no_method_called_Evolve()
    {
        var create = typeof(RunnerProgram).GetMethod("Create", BindingFlags.Public | BindingFlags.Static, [typeof(ProgramPrescribed)]);

        Assert.NotNull(create);
        Assert.DoesNotContain(typeof(RunnerProgram).GetMethods(), m => m.Name == "Evolve");
    }

    [Fact]
    public void Twelve_weeks_of_state_round_trip_through_System_Text_Json()
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        for (var week = 0; week < 12; week++)
        {
            scenario.Week(week);
        }

        var state = scenario.Program with { Id = ProgramScenario.Id(1) };
        var json = JsonSerializer.Serialize(state);
        var back = JsonSerializer.Deserialize<RunnerProgram>(json)!;

        Assert.Equal(json, JsonSerializer.Serialize(back));
        Assert.Equal(ProgramScenario.Id(1), back.Id);
        Assert.Equal(state.Exercises.Select(x => x.Code), back.Exercises.Select(x => x.Code));
    }

    [Fact]
    public void Events_round_trip_through_System_Text_Json()
    {
        var scenario = new ProgramScenario();
        scenario.Prescribe(Screens.First(Screens.AnteriorKnee));
        scenario.Week(0);

        Assert.All(scenario.History, e =>
        {
            var json = JsonSerializer.Serialize(e, e.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(JsonSerializer.Deserialize(json, e.GetType()), e.GetType()));
        });
    }
}
