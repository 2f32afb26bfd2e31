using System.Globalization;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.IntegrationTests.Assessment;

public sealed class IntakeUnreachableServices() : IntakeAndAssessment("intakedown", intakeUnreachable: true);

/// <summary>When intake does not answer, a screen still starts, from the local copy of intake's events, and says so.</summary>
public sealed class IntakeDownTests(IntakeUnreachableServices services) : IClassFixture<IntakeUnreachableServices>
{
    private const string Clinic = "clinic-intakedown";

    [Fact]
    public async Task Starting_a_screen_while_intake_is_down_uses_the_local_load_picture_and_says_it_may_be_stale()
    {
        var runnerId = await services.RegisterAsync(Clinic);
        var intake = services.IntakeClient(Clinic);
        // Three short nights: intake raises S1, and its event reaches assessment through RabbitMQ.
        for (var day = 3; day >= 1; day--)
        {
            await intake.ReportWellnessAsync(new()
            {
                RunnerId = runnerId,
                Date = DateTime.UtcNow.AddDays(-day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                SleepHours = 5, Stress = 2, Soreness = 1,
            });
        }

        var started = await Eventually.GetAsync(async () =>
        {
            var assessment = (await services.AssessmentClient(Clinic).StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "check-up" })).Assessment;
            return assessment.LoadFlags.Count > 0 ? assessment : null;
        }, TimeSpan.FromSeconds(30), "a screen whose local load picture holds the S1 flag");

        Assert.Equal("local", started.LoadSource);
        Assert.Contains("stale", started.LoadNote, StringComparison.Ordinal);
        Assert.Equal("S1", Assert.Single(started.LoadFlags).RuleId);
    }
}
