using RunRestore.Common.V1;
using RunRestore.Intake.V1;
using RunRestore.Testing;
using Xunit;
using static RunRestore.Testing.TestCalendar;

namespace RunRestore.IntegrationTests.Intake;

public sealed class RunnerTimeZoneHost() : IntakeHost("runnerzones");

/// <summary>
/// The runner's today in their time zone (DOMAIN.md "Load" preamble, rule set v2; issue 13) through gRPC on real
/// PostgreSQL and RabbitMQ. The fake clock stands at 07:00 UTC on <see cref="TestCalendar.Today"/>, a Sunday in June,
/// and stays there: in Honolulu (-10) it is still Saturday evening.
/// </summary>
public sealed class RunnerTimeZoneTests(RunnerTimeZoneHost intake) : IClassFixture<RunnerTimeZoneHost>
{
    private const string Clinic = "clinic-runnerzones";
    internal const string Honolulu = "Pacific/Honolulu";

    [Fact]
    public async Task A_zone_given_at_registration_is_read_back_changed_by_a_profile_update_and_an_unknown_one_stores_nothing()
    {
        var client = intake.Client(Clinic);
        var registered = await client.RegisterRunnerAsync(new()
        {
            DisplayName = "Berlin Runner", BirthYear = 1985, Sex = Sex.Female, TimeZone = "Europe/Berlin",
        });
        var runnerId = registered.Runner.RunnerId;
        Assert.Equal("Europe/Berlin", registered.TimeZone);

        Assert.Contains("time_zone", await GrpcAssert.InvalidArgumentAsync(() => client.RegisterRunnerAsync(new()
        {
            DisplayName = "Nowhere Runner", BirthYear = 1985, Sex = Sex.Female, TimeZone = "Mars/Olympus_Mons",
        }).ResponseAsync));
        var refused = await GrpcAssert.InvalidArgumentAsync(() => client.UpdateRunnerProfileAsync(new()
        {
            RunnerId = runnerId, Profile = new() { TimeZone = "Central European Time" },
        }).ResponseAsync);
        Assert.Contains("profile.time_zone", refused);
        var read = await client.GetRunnerAsync(new() { RunnerId = runnerId });
        Assert.Equal(("Europe/Berlin", 1L), (read.Profile.TimeZone, read.Version));

        var moved = await client.UpdateRunnerProfileAsync(new() { RunnerId = runnerId, Profile = new() { TimeZone = Honolulu } });
        Assert.Equal(Honolulu, moved.Profile.TimeZone);
        // An update that does not name a zone keeps it
        await client.UpdateRunnerProfileAsync(new() { RunnerId = runnerId, Profile = new() });
        Assert.Equal(Honolulu, (await client.GetRunnerAsync(new() { RunnerId = runnerId })).Profile.TimeZone);
    }

    [Fact]
    public async Task A_runner_in_Honolulu_cannot_log_a_run_dated_two_days_after_their_today_and_reads_their_load_as_of_it()
    {
        var client = intake.Client(Clinic);
        var runnerId = await RegisterInAsync(client, Honolulu);
        var utcRunnerId = await RegisterInAsync(client, "");

        // 07:00 UTC on Sunday is 21:00 on Saturday in Honolulu: Monday is two days ahead for them, tomorrow for UTC
        Assert.Contains("date", await GrpcAssert.InvalidArgumentAsync(
            () => client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(1, 8) }).ResponseAsync));
        Assert.Single((await client.GetRunnerTimelineAsync(new() { RunnerId = runnerId })).Entries);
        await client.LogRunAsync(new() { RunnerId = utcRunnerId, Run = Run(1, 8) });
        await client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-1, 8) });

        var load = await client.GetTrainingLoadAsync(new() { RunnerId = runnerId, Weeks = 1 });
        Assert.Equal(Date(-1), load.AsOf);
        Assert.Equal(8, load.Weeks.Single().DistanceKm);
    }

    internal static async Task<string> RegisterInAsync(IntakeService.IntakeServiceClient client, string zone) =>
        (await client.RegisterRunnerAsync(new() { DisplayName = "Zoned Runner", BirthYear = 1985, Sex = Sex.Female, TimeZone = zone }))
        .Runner.RunnerId;
}
