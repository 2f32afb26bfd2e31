using Xunit;
using static RunRestore.Testing.TestCalendar;

namespace RunRestore.IntegrationTests.Intake;

public sealed class PartialWeeksHost() : IntakeHost("partialweeks");

/// <summary>
/// GetTrainingLoad through gRPC on real PostgreSQL and RabbitMQ (rule set v2, DOMAIN.md "Load" preamble; issue 13): a
/// history that starts on a Friday and a read on a Wednesday mark the first and the current week partial, compute no
/// change against them, and say which rule has not enough history.
/// </summary>
public sealed class PartialWeeksTests(PartialWeeksHost intake) : IClassFixture<PartialWeeksHost>
{
    private const string Clinic = "clinic-partialweeks";

    [Fact]
    public async Task The_first_and_the_unfinished_current_week_are_partial_and_L2_says_not_enough_history()
    {
        var runnerId = await intake.RegisterAsync(Clinic, "Partial Weeks");
        var client = intake.Client(Clinic);
        // Friday to Sunday: 3 × 5 km; then 4 × 5.7 km; then 4 × 6 km to Sunday (Today)
        foreach (var (day, km) in new[] { (-16, 5.0), (-15, 5.0), (-14, 5.0), (-13, 5.7), (-11, 5.7), (-9, 5.7), (-7, 5.7),
                     (-6, 6.0), (-4, 6.0), (-2, 6.0), (0, 6.0) })
        {
            await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(day, km) });
        }

        // Wednesday of the next week, after runs on Monday and Wednesday
        intake.Clock.Advance(TimeSpan.FromDays(3));
        await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(1, 6) });
        await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(3, 6) });

        var load = await client.GetTrainingLoadAsync(new() { RunnerId = runnerId, Weeks = 4 });

        Assert.Equal(Date(3), load.AsOf);
        Assert.Equal([Date(-20), Date(-13), Date(-6), Date(1)], load.Weeks.Select(w => w.WeekStart));
        Assert.Equal([true, false, false, true], load.Weeks.Select(w => w.Partial));
        Assert.Equal([15, 22.8, 24, 12], load.Weeks.Select(w => Math.Round(w.DistanceKm, 1)));
        // No +52 % against the 3-run first week, no -50 % for the unfinished week; the whole weeks are compared
        Assert.Equal([false, false, true, false], load.Weeks.Select(w => w.HasDistanceChangePercent));
        Assert.Equal(5.3, load.Weeks[2].DistanceChangePercent, 1);
        // 20 days of history: L2 cannot judge; L3 has a base of two whole weeks and 10 km
        var missing = Assert.Single(load.NotEnoughHistory);
        Assert.Equal("L2", missing.RuleId);
        Assert.Equal(2, missing.RuleVersion);
        Assert.StartsWith("Not enough history", missing.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(load.ActiveFlags, f => f.RuleId == "L2");
    }
}
