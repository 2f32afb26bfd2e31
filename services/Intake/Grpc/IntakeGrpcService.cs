using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Auth;
using RunRestore.Intake.Competitions;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Profiles;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Timeline;
using RunRestore.Intake.Training;
using RunRestore.Intake.V1;
using RunRestore.Intake.Wellness;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using static RunRestore.Intake.Grpc.IntakeProtoMapping;

namespace RunRestore.Intake.Grpc;

/// <summary>Maps proto messages to intake's commands and queries; nothing else.</summary>
public sealed class IntakeGrpcService(IDocumentSession session, EventStoreWriter writes, TimeProvider time) : IntakeService.IntakeServiceBase
{
    [Authorize(Scopes.IntakeWrite)]
    public override async Task<RegisterRunnerResponse> RegisterRunner(RegisterRunnerRequest request, ServerCallContext context)
    {
        var command = new RegisterRunner(Guid.CreateVersion7(), request.DisplayName, request.BirthYear,
            ToDomain(request.Sex), time.GetUtcNow(), request.TimeZone);
        return await writes.WriteNewStreamAsync(s => RegisteringRunner.HandleAsync(s, command, context.CancellationToken),
            runner => new RegisterRunnerResponse { Runner = ToProto(runner), TimeZone = runner.TimeZone }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeRead)]
    public override async Task<GetRunnerResponse> GetRunner(GetRunnerRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var runner = await session.LoadAsync<Runner>(id, context.CancellationToken) ?? throw NotFoundException.Runner(id);
        var state = await session.Events.FetchStreamStateAsync(id, context.CancellationToken);
        return new GetRunnerResponse { Runner = ToProto(runner), Profile = ToProfile(runner), Version = state?.Version ?? 0 };
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<UpdateRunnerProfileResponse> UpdateRunnerProfile(UpdateRunnerProfileRequest request,
        ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        return await writes.WriteAsync(id, s => UpdatingRunnerProfile.HandleAsync(s, id, ToDraft(request.Profile ?? new()),
                request.HasExpectedVersion ? request.ExpectedVersion : null, time, context.CancellationToken),
            updated => new UpdateRunnerProfileResponse { Profile = ToProfile(updated.Runner), Version = updated.Version },
            context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<LogRunResponse> LogRun(LogRunRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        return await writes.WriteAsync(id, s => LoggingRun.HandleAsync(s, id, ToDraft(request.Run ?? new()), time, context.CancellationToken),
            result =>
            {
                var response = new LogRunResponse { RunId = result.RunId.ToString(), Duplicate = result.Duplicate };
                AddFlags(response.FlagsRaised, response.FlagsCleared, result.Flags);
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<ImportRunsResponse> ImportRuns(ImportRunsRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        return await writes.WriteAsync(id, s => ImportingRuns.HandleAsync(s, id, request.Runs.Select(ToDraft).ToList(), time, context.CancellationToken),
            result =>
            {
                var response = new ImportRunsResponse
                {
                    Imported = result.Items.Count(i => i.Outcome == ImportItemOutcome.Imported),
                    Duplicates = result.Items.Count(i => i.Outcome == ImportItemOutcome.Duplicate),
                    Rejected = result.Items.Count(i => i.Outcome == ImportItemOutcome.Rejected),
                };
                response.Results.AddRange(result.Items.Select(ToProto));
                AddFlags(response.FlagsRaised, response.FlagsCleared, result.Flags);
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<LogGymSessionResponse> LogGymSession(LogGymSessionRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var draft = new GymSessionDraft(request.Date, request.DurationMinutes, request.HasRpe ? request.Rpe : null, request.Focus);
        return await writes.WriteAsync(id, s => LoggingGymSession.HandleAsync(s, id, draft, time, context.CancellationToken),
            result =>
            {
                var response = new LogGymSessionResponse { SessionId = result.SessionId.ToString() };
                AddFlags(response.FlagsRaised, response.FlagsCleared, result.Flags);
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<ScheduleCompetitionResponse> ScheduleCompetition(ScheduleCompetitionRequest request,
        ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var draft = new CompetitionDraft(request.Date, request.DistanceKm, Choose(request.Priority, ToDomain), request.Name);
        return await writes.WriteAsync(id, s => SchedulingCompetition.HandleAsync(s, id, draft, time, context.CancellationToken),
            result =>
            {
                var response = new ScheduleCompetitionResponse { CompetitionId = result.CompetitionId.ToString() };
                AddFlags(response.FlagsRaised, response.FlagsCleared, result.Flags);
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<ReportWellnessResponse> ReportWellness(ReportWellnessRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var draft = new WellnessDraft(request.Date, request.SleepHours, request.Stress, request.Soreness, request.Illness);
        return await writes.WriteAsync(id, s => ReportingWellness.HandleAsync(s, id, draft, time, context.CancellationToken),
            result =>
            {
                var response = new ReportWellnessResponse { WellnessReportId = result.WellnessReportId.ToString() };
                AddFlags(response.FlagsRaised, response.FlagsCleared, result.Flags);
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<ReportPainResponse> ReportPain(ReportPainRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        return await writes.WriteAsync(id, s => ReportingPain.HandleAsync(s, id, ToDraft(request), time, context.CancellationToken),
            outcome =>
            {
                var response = new ReportPainResponse { PainReportId = outcome.PainReportId.ToString() };
                response.RedFlags.AddRange(outcome.RedFlags.Select(ToProto));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeWrite)]
    public override async Task<ReportPainResolvedResponse> ReportPainResolved(ReportPainResolvedRequest request,
        ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        return await writes.WriteAsync(id, s => ResolvingPain.HandleAsync(s, id, new ResolvePain(request.PainReportId, request.Date), time,
                context.CancellationToken),
            _ => new ReportPainResolvedResponse { PainReportId = request.PainReportId }, context.CancellationToken);
    }

    [Authorize(Scopes.IntakeRead)]
    public override async Task<GetTrainingLoadResponse> GetTrainingLoad(GetTrainingLoadRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var picture = await ReadingTrainingLoad.HandleAsync(session, id, request.Weeks, time, context.CancellationToken);
        var response = new GetTrainingLoadResponse { AsOf = FieldChecks.Iso(picture.AsOf) };
        response.Weeks.AddRange(picture.Weeks.Select(ToProto));
        response.ActiveFlags.AddRange(picture.ActiveFlags.Select(f => ToProto(f, picture.AsOf)));
        response.NotEnoughHistory.AddRange(picture.NotJudged.Select(n =>
            new RuleNotJudged { RuleId = n.RuleId, RuleVersion = n.RuleVersion, Explanation = n.Explanation }));
        return response;
    }

    [Authorize(Scopes.IntakeRead)]
    public override async Task<GetRunnerTimelineResponse> GetRunnerTimeline(GetRunnerTimelineRequest request,
        ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var page = await RunnerTimeline.HandleAsync(session, id, request.PageSize, request.PageToken, context.CancellationToken);
        var response = new GetRunnerTimelineResponse { NextPageToken = page.NextVersion?.ToString(Invariant) ?? "" };
        response.Entries.AddRange(page.Entries.Select(ToProto));
        return response;
    }

    [Authorize(Scopes.IntakeRead)]
    public override async Task<ListActivitiesResponse> ListActivities(ListActivitiesRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var list = await ListingActivities.HandleAsync(session, id, request.From, request.To, time, context.CancellationToken);
        var response = new ListActivitiesResponse();
        response.Runs.AddRange(list.Runs.Select(r => new LoggedRun
        {
            RunId = r.RunId.ToString(), Date = FieldChecks.Iso(r.Date), SessionType = ToProto(r.SessionType),
            DistanceKm = (double)r.DistanceKm, DurationSeconds = r.DurationSeconds, Rpe = r.Rpe,
        }));
        response.Competitions.AddRange(list.Competitions.Select(c => new ScheduledCompetition
        {
            CompetitionId = c.CompetitionId.ToString(), Date = FieldChecks.Iso(c.Date), DistanceKm = (double)c.DistanceKm,
            Priority = ToProto(c.Priority), Name = c.Name,
        }));
        return response;
    }
}
