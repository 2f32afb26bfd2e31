using RunRestore.Intake.V1;
using RunRestore.Testing;
using Xunit;
using static RunRestore.Testing.TestCalendar;

namespace RunRestore.IntegrationTests.Intake;

public sealed class RedFlagTriageHost() : IntakeHost("redflagtriage");

/// <summary>
/// Issue 13, DOMAIN.md R1-R6 through the real gRPC API, PostgreSQL and RabbitMQ: a pain report with red-flag signs answers
/// with the flags, keeps them in the runner's timeline, and publishes each to the services (MassTransit) and to the
/// runner's clinic (CloudEvent) with the event id as the message id.
/// </summary>
public sealed class RedFlagTriageTests(RedFlagTriageHost intake) : IClassFixture<RedFlagTriageHost>
{
    private const string Clinic = "clinic-redflags";
    private const string Contract = "RunRestore.Contracts.Safety:RedFlagRaised";

    [Fact]
    public async Task Groin_pain_with_running_and_missed_periods_raise_critical_R5_and_R6_that_reach_services_and_the_clinic()
    {
        await using var services = await RawRabbitSubscriber.StartAsync(intake.RabbitUri, [Contract]);
        await using var clinic = await RawRabbitClient.ConnectAsync(intake.RabbitUri);
        var queue = await clinic.BindTopicAsync("runrestore.clinic-events", $"clinic.{Clinic}.intake.red_flag_raised");
        var runnerId = await intake.RegisterAsync(Clinic);
        var client = intake.Client(Clinic);

        var response = await client.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Date(0), BodySite = BodySite.Groin, Side = Side.Right, Severity = 5,
            Phase = PainPhase.AfterRun, RedFlags = new() { MissedPeriods = RedFlagAnswer.Yes, NightPain = RedFlagAnswer.No },
        });

        Assert.Equal(["R5", "R6"], response.RedFlags.Select(f => f.RuleId));
        Assert.All(response.RedFlags, f =>
        {
            Assert.Equal(("critical", 2, "groin", "right", response.PainReportId, Date(0)),
                (f.Severity, f.RuleVersion, f.BodySite, f.Side, f.PainReportId, f.RaisedOn));
            Assert.StartsWith("Stop the activity", f.RunnerAdvice, StringComparison.Ordinal);
        });
        Assert.Equal(["missed_periods"], response.RedFlags[1].Signs);

        var timeline = await client.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 100 });
        var entries = timeline.Entries.Where(e => e.Type == "red_flag_raised").ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith("Red flag R5 (critical): R5: groin pain with running", entries[0].Summary, StringComparison.Ordinal);
        Assert.Contains("red-flag signs: missed periods", timeline.Entries.Single(e => e.Type == "pain_reported").Summary,
            StringComparison.Ordinal);

        var published = await services.NextAsync(Contract, m => m.Message.GetProperty("ruleId").GetString() == "R5"
            && m.Message.GetProperty("runnerId").GetString() == runnerId);
        Assert.Equal(entries[0].EventId, published.MessageId);
        Assert.Equal(Clinic, published.Clinic);
        Assert.Equal("pain_report", published.Message.GetProperty("source").GetString());
        Assert.Equal(response.PainReportId, published.Message.GetProperty("triggeringIds")[0].GetString());

        var cloudEvent = await clinic.NextAsync(queue, d => d.Body.GetProperty("subject").GetString() == runnerId
            && d.Body.GetProperty("data").GetProperty("ruleId").GetString() == "R6");
        Assert.Equal("runrestore.intake.red_flag_raised", cloudEvent.Body.GetProperty("type").GetString());
        Assert.Equal(entries[1].EventId, cloudEvent.Body.GetProperty("id").GetString());
        Assert.Equal("critical", cloudEvent.Body.GetProperty("data").GetProperty("severity").GetString());
    }

    [Fact]
    public async Task An_unknown_answer_is_invalid_argument_naming_the_question_and_nothing_is_stored()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        var client = intake.Client(Clinic);

        var error = await GrpcAssert.InvalidArgumentAsync(() => client.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Date(0), BodySite = BodySite.AnteriorShin, Side = Side.Left, Severity = 3,
            Phase = PainPhase.DuringRun, RedFlags = new() { PainOnHopping = (RedFlagAnswer)7 },
        }).ResponseAsync);

        Assert.Contains("red_flags.pain_on_hopping", error);
        var timeline = await client.GetRunnerTimelineAsync(new() { RunnerId = runnerId });
        Assert.DoesNotContain(timeline.Entries, e => e.Type is "pain_reported" or "red_flag_raised");
    }
}
