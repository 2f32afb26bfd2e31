using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Auth;
using RunRestore.Programming.Clinician;
using RunRestore.Programming.Library;
using RunRestore.Programming.Planning;
using RunRestore.Programming.Programs;
using RunRestore.Programming.RedFlags;
using RunRestore.Programming.Rules;
using RunRestore.Programming.Sessions;
using RunRestore.Programming.V1;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.RunnerDirectory;
using static RunRestore.Programming.Grpc.ProgrammingProtoMapping;

namespace RunRestore.Programming.Grpc;

/// <summary>Maps proto messages to the programming service's deciders and reads; nothing else.</summary>
public sealed class ProgrammingGrpcService(IDocumentSession session, EventStoreWriter writes, HardRunCalendar calendar,
    TimeProvider time)
    : ProgrammingService.ProgrammingServiceBase
{
    [Authorize(Scopes.ProgrammingRead)]
    public override async Task<GetRunnerResponse> GetRunner(GetRunnerRequest request, ServerCallContext context)
    {
        var runner = await session.GetKnownRunnerAsync(request.RunnerId, context.CancellationToken);
        return new GetRunnerResponse { Runner = runner.ToProto() };
    }

    [Authorize(Scopes.ProgrammingRead)]
    public override async Task<GetCurrentProgramResponse> GetCurrentProgram(GetCurrentProgramRequest request, ServerCallContext context)
    {
        var (id, program) = await LoadAsync(request.RunnerId, context.CancellationToken);
        var events = await session.Events.FetchStreamAsync(id, token: context.CancellationToken);
        return ToProto(id, program, events.Select(e => e.Data).ToList(), time);
    }

    [Authorize(Scopes.ProgrammingRead)]
    public override async Task<GetWeekPlanResponse> GetWeekPlan(GetWeekPlanRequest request, ServerCallContext context)
    {
        var (id, program) = await LoadAsync(request.RunnerId, context.CancellationToken);
        var day = Today();
        if (request.WeekOf.Length > 0)
        {
            var violations = new FieldViolations();
            day = violations.Date(request.WeekOf, "week_of", DateOnly.MinValue, DateOnly.MaxValue) ?? day;
            violations.ThrowIfAny();
        }

        var monday = WeekPlanner.MondayOf(day);
        var hardRuns = await calendar.ForWeekAsync(id, monday, context.CancellationToken);
        var plan = WeekPlanner.Plan(monday, hardRuns.Dates, program.SessionsPerWeek, null, program.StartedOn);
        return ToProto(plan, hardRuns);
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<RecordSessionResponse> RecordSession(RecordSessionRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var input = ProgrammingInput.Session(request, Guid.CreateVersion7(time.GetUtcNow()), Today());
        return await writes.WriteAsync(id, s => RecordingSession.HandleAsync(s, id, input, time, context.CancellationToken),
            decided =>
            {
                var response = new RecordSessionResponse { SessionId = input.SessionId.ToString() };
                response.Changes.AddRange(Changes(decided.Events, time));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<RecordNextMorningPainResponse> RecordNextMorningPain(RecordNextMorningPainRequest request,
        ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var date = ProgrammingInput.Date(request.Date, "date", Today());
        return await writes.WriteAsync(id, s => RecordingNextMorningPain.HandleAsync(s, id, new RecordNextMorningPain(date, request.Pain), time,
                context.CancellationToken),
            decided =>
            {
                var response = new RecordNextMorningPainResponse();
                response.Changes.AddRange(Changes(decided.Events, time));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.ProgrammingRead)]
    public override async Task<GetProgramHistoryResponse> GetProgramHistory(GetProgramHistoryRequest request, ServerCallContext context)
    {
        var (id, _) = await LoadAsync(request.RunnerId, context.CancellationToken);
        var events = await session.Events.FetchStreamAsync(id, token: context.CancellationToken);
        var response = new GetProgramHistoryResponse();
        response.Changes.AddRange(events.Select(e => (e, change: ProgramChanges.Describe(e.Data)))
            .Where(x => x.change is not null).Select(x => ToProto(x.change!, x.e.Timestamp)));
        return response;
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<SetPainCeilingResponse> SetPainCeiling(SetPainCeilingRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var reason = ProgrammingInput.Reason(request.Reason);
        return await writes.WriteAsync(id, s => SettingPainCeiling.HandleAsync(s, id, new SetPainCeiling(request.PainCeiling, reason), time,
                context.CancellationToken),
            decided =>
            {
                var response = new SetPainCeilingResponse();
                response.Changes.AddRange(Changes(decided.Events, time));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<OverridePhaseResponse> OverridePhase(OverridePhaseRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var reason = ProgrammingInput.Reason(request.Reason);
        return await writes.WriteAsync(id, s => OverridingPhase.HandleAsync(s, id, new OverridePhase(ToDomain(request.Phase), reason, Clinician(context)), time,
                context.CancellationToken),
            decided =>
            {
                var response = new OverridePhaseResponse();
                response.Changes.AddRange(Changes(decided.Events, time));
                return response;
            }, context.CancellationToken);
    }

    // R1-R6: only a clinician clears a red flag, so the call needs the clinician scope, not programming:write.
    [Authorize(Scopes.ProgrammingClinician)]
    public override async Task<ClearRedFlagResponse> ClearRedFlag(ClearRedFlagRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var flagId = RequestIds.Parse(request.RedFlagId, "red_flag_id", "a red flag id");
        var reason = ProgrammingInput.Reason(request.Reason);
        return await writes.WriteAsync(id, s => ClearingRedFlag.HandleAsync(s, id, new ClearRedFlag(flagId, reason, Clinician(context)), time,
                context.CancellationToken),
            decided =>
            {
                var response = new ClearRedFlagResponse();
                response.Changes.AddRange(Changes(decided.Events, time));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.ProgrammingRead)]
    public override Task<GetExerciseLibraryResponse> GetExerciseLibrary(GetExerciseLibraryRequest request, ServerCallContext context)
    {
        var response = new GetExerciseLibraryResponse();
        response.Exercises.AddRange(ExerciseLibrary.All.Select(ToProto));
        return Task.FromResult(response);
    }

    private async Task<(Guid Id, RunnerProgram Program)> LoadAsync(string runnerId, CancellationToken ct)
    {
        var id = RequestIds.ParseRunnerId(runnerId);
        var program = await session.LoadAsync<RunnerProgram>(id, ct)
            ?? throw RunnerProgram.Missing(id);
        return (id, program);
    }

    /// <summary>Who made a clinician's decision: the token's subject.</summary>
    private static string Clinician(ServerCallContext context) =>
        context.GetHttpContext().User.FindFirst("sub")?.Value ?? "clinician";

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
