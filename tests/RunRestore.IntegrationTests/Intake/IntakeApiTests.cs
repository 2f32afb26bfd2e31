using Grpc.Core;
using RunRestore.Auth;
using RunRestore.Intake.V1;
using RunRestore.Testing;
using Xunit;
using static RunRestore.Testing.TestCalendar;

namespace RunRestore.IntegrationTests.Intake;

public sealed class IntakeApiHost() : IntakeHost("intakeapi");

/// <summary>Every intake RPC over gRPC on real PostgreSQL: what a partner app and a clinician see.</summary>
public sealed class IntakeApiTests(IntakeApiHost intake) : IClassFixture<IntakeApiHost>
{
    private const string Clinic = "clinic-api";
    private IntakeService.IntakeServiceClient Client => intake.Client(Clinic);

    private async Task<int> HistoryLengthAsync(string runnerId) =>
        (await Client.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 500 })).Entries
            .Count(e => !e.Type.StartsWith("load_flag", StringComparison.Ordinal));

    [Fact]
    public async Task A_runners_profile_can_be_updated_and_a_stale_expected_version_is_aborted()
    {
        var runnerId = await intake.RegisterAsync(Clinic, "Profile Runner");
        var before = await Client.GetRunnerAsync(new() { RunnerId = runnerId });
        var profile = new RunnerProfile
        {
            Goal = new Goal { TargetRaceDate = Date(120), TargetDistanceKm = 42.195, Description = "First marathon" },
            Availability = new WeeklyAvailability { MinutesPerWeek = 90, TrainingDays = { Weekday.Tuesday, Weekday.Sunday } },
            InjuryHistory = { new PastInjury { BodySite = BodySite.Achilles, Side = Side.Left, Year = 2023, Description = "tendinopathy" } },
        };

        var updated = await Client.UpdateRunnerProfileAsync(new()
        {
            RunnerId = runnerId, Profile = profile, ExpectedVersion = before.Version,
        });
        var stale = await GrpcAssert.StatusAsync(() => Client.UpdateRunnerProfileAsync(new()
        {
            RunnerId = runnerId, Profile = profile, ExpectedVersion = before.Version,
        }).ResponseAsync);
        var read = await Client.GetRunnerAsync(new() { RunnerId = runnerId });

        Assert.Equal(1, before.Version);
        Assert.Equal(2, updated.Version);
        Assert.Equal(StatusCode.Aborted, stale);
        var expected = profile.Clone();
        expected.TimeZone = "UTC"; // none given: the runner's today is UTC's (issue 13)
        Assert.Equal(expected, read.Profile);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task A_partner_resending_the_same_activity_gets_the_first_result_and_nothing_is_stored_twice()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        var run = Run(-1, 10, partner: "stravaish", externalId: "act-1001");

        var first = await Client.LogRunAsync(new() { RunnerId = runnerId, Run = run });
        var second = await Client.LogRunAsync(new() { RunnerId = runnerId, Run = run });

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(2, await HistoryLengthAsync(runnerId));
    }

    public static TheoryData<string, Action<RunInput>> BadRuns => new()
    {
        { "distance_km", r => r.DistanceKm = 0 },
        { "distance_km", r => r.DistanceKm = 350.1 },
        { "duration_seconds", r => r.DurationSeconds = 0 },
        { "duration_seconds", r => { r.DistanceKm = 300; r.DurationSeconds = (48 * 3600) + 1; } },
        { "duration_seconds", r => { r.DistanceKm = 10; r.DurationSeconds = 1399; } },
        { "rpe", r => r.Rpe = 11 },
        { "rpe", r => r.Rpe = -1 },
        { "rpe", r => r.ClearRpe() },
        { "date", r => r.Date = Date(2) },
        { "date", r => r.Date = "1989-12-31" },
        { "date", r => r.Date = "14/06/2026" },
        { "session_type", r => r.SessionType = SessionType.Unspecified },
        { "session_type", r => r.SessionType = (SessionType)99 },
        { "surface", r => r.Surface = (Surface)42 },
        { "partner", r => { r.Partner = new string('p', 201); r.ExternalId = "x"; } },
        { "external_id", r => { r.Partner = "p"; r.ExternalId = new string('x', 201); } },
    };

    [Theory]
    [MemberData(nameof(BadRuns))]
    public async Task A_bad_run_is_invalid_argument_naming_the_field_and_stores_nothing(string field, Action<RunInput> spoil)
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        var run = Run(-1, 10);
        spoil(run);

        var fields = await GrpcAssert.InvalidArgumentAsync(() => Client.LogRunAsync(new() { RunnerId = runnerId, Run = run }).ResponseAsync);

        Assert.Contains(field, fields);
        Assert.Equal(1, await HistoryLengthAsync(runnerId));
    }

    [Fact]
    public async Task An_import_stores_the_good_items_and_reports_each_bad_or_duplicate_one()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        await Client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-30, 8, partner: "garminish", externalId: "g-1") });
        var request = new ImportRunsRequest
        {
            RunnerId = runnerId,
            Runs =
            {
                Run(-20, 8, partner: "garminish", externalId: "g-2"),
                Run(-19, 0, partner: "garminish", externalId: "g-3"),
                Run(-30, 8, partner: "garminish", externalId: "g-1"),
                Run(-18, 12, partner: "garminish", externalId: "g-4"),
                Run(-18, 12, partner: "garminish", externalId: "g-4"),
            },
        };

        var response = await Client.ImportRunsAsync(request);

        Assert.Equal([ImportOutcome.Imported, ImportOutcome.Rejected, ImportOutcome.Duplicate, ImportOutcome.Imported, ImportOutcome.Duplicate],
            response.Results.Select(r => r.Outcome));
        Assert.Equal((2, 2, 1), (response.Imported, response.Duplicates, response.Rejected));
        Assert.Contains("distance_km", response.Results[1].Violations.Select(v => v.Field));
        Assert.Equal(response.Results[3].RunId, response.Results[4].RunId);
        Assert.Equal(4, await HistoryLengthAsync(runnerId));

        var again = await Client.ImportRunsAsync(request);
        Assert.Equal(0, again.Imported);
        Assert.Equal(4, await HistoryLengthAsync(runnerId));
    }

    [Fact]
    public async Task An_import_over_5000_items_is_refused_with_the_limit_and_stores_nothing()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        var request = new ImportRunsRequest { RunnerId = runnerId };
        request.Runs.AddRange(Enumerable.Range(0, 5001).Select(i => Run(-1 - (i % 1000), 5)));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ImportRunsAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("5000", ex.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await HistoryLengthAsync(runnerId));
    }

    [Fact]
    public async Task Gym_sessions_competitions_and_wellness_are_logged_and_counted_in_the_weekly_load()
    {
        var runnerId = await intake.RegisterAsync(Clinic);

        await Client.LogGymSessionAsync(new() { RunnerId = runnerId, Date = Date(-1), DurationMinutes = 45, Rpe = 6, Focus = "hip strength" });
        await Client.ScheduleCompetitionAsync(new()
        {
            RunnerId = runnerId, Date = Date(40), DistanceKm = 21.1, Priority = CompetitionPriority.A, Name = "City Half",
        });
        await Client.ReportWellnessAsync(new() { RunnerId = runnerId, Date = Date(-1), SleepHours = 7.5, Stress = 3, Soreness = 2 });
        await Client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-1, 10, 330, SessionType.Tempo, 7) });
        var load = await Client.GetTrainingLoadAsync(new() { RunnerId = runnerId, Weeks = 1 });

        var week = Assert.Single(load.Weeks);
        Assert.Equal(45 * 6, week.GymLoad);
        Assert.Equal(55 * 7, week.RunLoad);
        Assert.Equal(10, week.DistanceKm);
        Assert.Equal(7.5, week.SleepHoursAverage);
        Assert.Equal(3, week.StressAverage);
    }

    [Fact]
    public async Task Bad_gym_competition_and_wellness_input_names_the_field()
    {
        var runnerId = await intake.RegisterAsync(Clinic);

        Assert.Contains("rpe", await GrpcAssert.InvalidArgumentAsync(() => Client.LogGymSessionAsync(new()
        {
            RunnerId = runnerId, Date = Date(0), DurationMinutes = 30,
        }).ResponseAsync));
        Assert.Contains("priority", await GrpcAssert.InvalidArgumentAsync(() => Client.ScheduleCompetitionAsync(new()
        {
            RunnerId = runnerId, Date = Date(10), DistanceKm = 10,
        }).ResponseAsync));
        Assert.Contains("stress", await GrpcAssert.InvalidArgumentAsync(() => Client.ReportWellnessAsync(new()
        {
            RunnerId = runnerId, Date = Date(0), SleepHours = 7, Stress = 6, Soreness = 1,
        }).ResponseAsync));
        Assert.Equal(1, await HistoryLengthAsync(runnerId));
    }

    [Fact]
    public async Task Pain_can_start_within_the_linked_run_but_not_beyond_it_and_resolves_once()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        var run = await Client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-1, 12) });
        ReportPainRequest Pain(double onsetKm) => new()
        {
            RunnerId = runnerId, Date = Date(-1), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 4,
            Phase = PainPhase.DuringRun, OnsetKm = onsetKm, LinkedRunId = run.RunId, DurationDays = 14,
        };

        var reported = await Client.ReportPainAsync(Pain(9));
        var beyond = await GrpcAssert.InvalidArgumentAsync(() => Client.ReportPainAsync(Pain(12.5)).ResponseAsync);
        var badSeverity = await GrpcAssert.InvalidArgumentAsync(() => Client.ReportPainAsync(new(Pain(3)) { Severity = 11 }).ResponseAsync);
        await Client.ReportPainResolvedAsync(new() { RunnerId = runnerId, PainReportId = reported.PainReportId, Date = Date(0) });
        var again = await GrpcAssert.StatusAsync(() => Client.ReportPainResolvedAsync(new()
        {
            RunnerId = runnerId, PainReportId = reported.PainReportId, Date = Date(0),
        }).ResponseAsync);
        var timeline = await Client.GetRunnerTimelineAsync(new() { RunnerId = runnerId });

        Assert.Equal(["onset_km"], beyond);
        Assert.Equal(["severity"], badSeverity);
        Assert.Equal(StatusCode.NotFound, again);
        Assert.Equal(["runner_registered", "run_logged", "pain_reported", "pain_resolved"], timeline.Entries.Select(e => e.Type));
        Assert.Contains("9 km", timeline.Entries[2].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_pages_through_the_history_in_order()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        for (var day = -5; day <= -1; day++)
        {
            await Client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(day, 5) });
        }

        var versions = new List<long>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Client.GetRunnerTimelineAsync(new() { RunnerId = runnerId, PageSize = 2, PageToken = token });
            versions.AddRange(page.Entries.Select(e => e.Version));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal([1, 2, 3, 4, 5, 6], versions);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task An_unknown_runner_and_another_clinics_runner_are_not_found()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        var other = intake.Client("clinic-elsewhere");

        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() =>
            Client.LogRunAsync(new() { RunnerId = Guid.NewGuid().ToString(), Run = Run(-1, 5) }).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() =>
            other.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-1, 5) }).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() =>
            other.GetTrainingLoadAsync(new() { RunnerId = runnerId }).ResponseAsync));
        Assert.Equal(StatusCode.NotFound, await GrpcAssert.StatusAsync(() =>
            other.GetRunnerTimelineAsync(new() { RunnerId = runnerId }).ResponseAsync));
        Assert.Equal(1, await HistoryLengthAsync(runnerId));
    }

    [Fact]
    public async Task Reading_needs_intake_read_and_writing_needs_intake_write()
    {
        var runnerId = await intake.RegisterAsync(Clinic);

        Assert.Equal(StatusCode.PermissionDenied, await GrpcAssert.StatusAsync(() => intake.Client(Clinic, Scopes.IntakeRead)
            .LogRunAsync(new() { RunnerId = runnerId, Run = Run(-1, 5) }).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await GrpcAssert.StatusAsync(() => intake.Client(Clinic, Scopes.IntakeWrite)
            .GetTrainingLoadAsync(new() { RunnerId = runnerId }).ResponseAsync));
    }

    [Fact]
    public async Task Activities_between_two_dates_list_the_runs_and_planned_competitions_in_that_range()
    {
        var runnerId = await intake.RegisterAsync(Clinic);
        await Client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-10, 8) });
        await Client.LogRunAsync(new() { RunnerId = runnerId, Run = Run(-3, 10, 300, SessionType.Interval, 8) });
        await Client.ScheduleCompetitionAsync(new()
        {
            RunnerId = runnerId, Date = Date(5), DistanceKm = 10, Priority = CompetitionPriority.B, Name = "Park 10k",
        });

        var list = await Client.ListActivitiesAsync(new() { RunnerId = runnerId, From = Date(-7), To = Date(7) });
        var bad = await GrpcAssert.InvalidArgumentAsync(() =>
            Client.ListActivitiesAsync(new() { RunnerId = runnerId, From = Date(0), To = Date(-1) }).ResponseAsync);

        var run = Assert.Single(list.Runs);
        Assert.Equal((Date(-3), SessionType.Interval), (run.Date, run.SessionType));
        Assert.Equal("Park 10k", Assert.Single(list.Competitions).Name);
        Assert.Equal(["to"], bad);
    }
}
