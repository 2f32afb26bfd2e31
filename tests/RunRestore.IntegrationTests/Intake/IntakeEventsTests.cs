using RunRestore.Intake.V1;
using RunRestore.Testing;
using Xunit;
using static RunRestore.Testing.TestCalendar;

namespace RunRestore.IntegrationTests.Intake;

public sealed class IntakeEventsHost() : IntakeHost("intakeevents");

/// <summary>
/// What the other services and clinics hear from intake, read off real RabbitMQ with a plain client: every write
/// becomes an integration event whose MessageId is the intake event's id and whose clinic travels in a header.
/// </summary>
public sealed class IntakeEventsTests(IntakeEventsHost intake) : IClassFixture<IntakeEventsHost>
{
    private const string Clinic = "clinic-events";

    [Fact]
    public async Task Runs_pain_wellness_gym_and_flags_are_published_with_the_event_id_as_message_id()
    {
        string[] types = ["RunLogged", "PainReported", "WellnessReported", "GymSessionLogged", "LoadFlagRaised"];
        await using var rabbit = await RawRabbitSubscriber.StartAsync(intake.RabbitUri, types.Select(t => $"RunRestore.Contracts.Intake:{t}"));
        var runnerId = await intake.RegisterAsync(Clinic);
        var client = intake.Client(Clinic);

        var run = await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-1, 12, partner: "watchco", externalId: "w-77") });
        await client.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Date(-1), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 4,
            Phase = PainPhase.DuringRun, OnsetKm = 9, LinkedRunId = run.RunId,
        });
        foreach (var day in new[] { -3, -2, -1 })
        {
            await client.ReportWellnessAsync(new() { RunnerId = runnerId, Date = Date(day), SleepHours = 5.5, Stress = 2, Soreness = 1 });
        }

        await client.LogGymSessionAsync(new() { RunnerId = runnerId, Date = Date(0), DurationMinutes = 30, Rpe = 5 });
        var timeline = await client.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 100 });

        var runLogged = await rabbit.NextAsync("RunRestore.Contracts.Intake:RunLogged");
        Assert.Equal(timeline.Entries.Single(e => e.Type == "run_logged").EventId, runLogged.MessageId);
        Assert.Equal(Clinic, runLogged.Clinic);
        Assert.Equal(runnerId, runLogged.Message.GetProperty("runnerId").GetString());
        Assert.Equal(run.RunId, runLogged.Message.GetProperty("runId").GetString());
        Assert.Equal("easy", runLogged.Message.GetProperty("sessionType").GetString());
        Assert.Equal("w-77", runLogged.Message.GetProperty("externalId").GetString());

        var pain = await rabbit.NextAsync("RunRestore.Contracts.Intake:PainReported");
        Assert.Equal("anterior_knee", pain.Message.GetProperty("bodySite").GetString());
        // MassTransit writes decimals as JSON strings to keep their precision.
        Assert.Equal("9", pain.Message.GetProperty("onsetKm").GetString());
        Assert.Equal(run.RunId, pain.Message.GetProperty("linkedRunId").GetString());

        await rabbit.NextAsync("RunRestore.Contracts.Intake:WellnessReported");
        await rabbit.NextAsync("RunRestore.Contracts.Intake:GymSessionLogged");
        var flag = await rabbit.NextAsync("RunRestore.Contracts.Intake:LoadFlagRaised");
        Assert.Equal("S1", flag.Message.GetProperty("ruleId").GetString());
        Assert.Equal("B", flag.Message.GetProperty("evidence").GetString());
        Assert.Equal(timeline.Entries.Single(e => e.Type == "load_flag_raised").EventId, flag.MessageId);
    }
}
