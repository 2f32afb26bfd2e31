using System.Globalization;
using RunRestore.Contracts.Assessment;
using RunRestore.Contracts;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.EndToEndTests.Security;
using RunRestore.Testing;
using Xunit;
using AssessmentApi = RunRestore.Assessment.V1;
using IntakeApi = RunRestore.Intake.V1;

namespace RunRestore.EndToEndTests.Clinics;

public sealed class ClinicScreenDateServices() : ThreeServices("clinicscreendates");

/// <summary>
/// Issue 13: a clinic's own system sends a screen done on paper days ago over the broker, with its performed_on date;
/// the screen is stored as done that day, and a date outside StartAssessment's rule is refused to the clinic with a
/// reason and never stored.
/// </summary>
public sealed class ClinicScreenDateTests(ClinicScreenDateServices services) : IClassFixture<ClinicScreenDateServices>
{
    private const string Clinic = "screen-dates";
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Screen(string id, string runnerId, string? performedOn) => new
    {
        specversion = "1.0", id, source = "urn:clinic:paper", type = "runrestore.clinic.screen_submitted", subject = runnerId,
        clinic = Clinic,
        data = new
        {
            reason = "paper screen entered later",
            performed_on = performedOn,
            results = new object[]
            {
                new { test_code = "hip_abduction_strength", side = "left", value = 1.2m, unit = "n_per_kg" },
                new { test_code = "hip_abduction_strength", side = "right", value = 1.8m, unit = "n_per_kg" },
            },
        },
    };

    [Fact]
    public async Task A_paper_screen_is_stored_as_done_on_its_day_and_a_date_a_year_and_more_ago_is_refused_with_a_reason()
    {
        var token = TestTokens.AllScopes(Clinic);
        var intake = new IntakeApi.IntakeService.IntakeServiceClient(services.Intake.Channel(token));
        var assessment = new AssessmentApi.AssessmentService.AssessmentServiceClient(services.Assessment.Channel(token));
        var runnerId = (await intake.RegisterRunnerAsync(new() { DisplayName = "Paper Runner", BirthYear = 1984, Sex = Common.V1.Sex.Female }))
            .Runner.RunnerId;
        await Eventually.GetAsync(async () => (await assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery,
            "assessment to learn the runner");
        await using var clinic = await ClinicBroker.ProvisionAsync(services.Infrastructure, services.RabbitUri, Clinic);
        var events = await clinic.BindOwnQueueAsync("screen-dates", $"clinic.{Clinic}.#");

        Assert.Null(await clinic.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(Clinic), Screen("old-1", runnerId, Day(-400))));
        var rejected = await clinic.NextAsync(events, (key, body) => key == $"clinic.{Clinic}.assessment.screen_rejected"
            && body.GetProperty("data").GetProperty("screenId").GetString() == "old-1");
        Assert.Equal(ClinicScreenRejected.CloudEventType, rejected.GetProperty("type").GetString());
        Assert.StartsWith("data.performed_on: ", rejected.GetProperty("data").GetProperty("reason").GetString(), StringComparison.Ordinal);

        Assert.Null(await clinic.PublishAsync(ClinicRouting.InboundExchange, ClinicRouting.InboundKey(Clinic), Screen("paper-1", runnerId, Day(-3))));
        var stored = await Eventually.GetAsync(async () =>
            (await assessment.ListAssessmentsAsync(new() { RunnerId = runnerId })).Assessments.FirstOrDefault(), Delivery, "the paper screen");
        Assert.Equal(Day(-3), stored.PerformedOn);
        Assert.Single((await assessment.ListAssessmentsAsync(new() { RunnerId = runnerId })).Assessments);
    }
}
