using System.Globalization;
using Grpc.Core;
using Marten;
using Microsoft.AspNetCore.Authorization;
using RunRestore.Auth;
using RunRestore.Programming.Domain.Library;
using RunRestore.Programming.Domain.Program;
using RunRestore.Programming.Domain.Program.Decisions;
using RunRestore.Programming.Planning;
using RunRestore.Programming.Programs;
using RunRestore.Programming.V1;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.RunnerDirectory;
using static RunRestore.Programming.Grpc.ProgrammingProtoMapping;
using DomainPhase = RunRestore.Programming.Domain.Phase;

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
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.WeekOf.Length > 0 && !DateOnly.TryParseExact(request.WeekOf, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out day))
        {
            new FieldViolations().Add("week_of", "must be a date as YYYY-MM-DD").ThrowIfAny();
        }

        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var hardRuns = await calendar.ForWeekAsync(id, monday, context.CancellationToken);
        var plan = ProgramStreams.Translate(() => WeekPlanner.Plan(monday, hardRuns.Dates, program.SessionsPerWeek, null));
        return ToProto(plan, hardRuns);
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<RecordSessionResponse> RecordSession(RecordSessionRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var input = ProgrammingInput.Session(request, Guid.CreateVersion7(time.GetUtcNow()), Today());
        return await writes.WriteAsync(id, s => s.DecideAsync(id, p => ProgramDecisions.RecordSession(input, p, time.GetUtcNow()), context.CancellationToken),
            events =>
            {
                var response = new RecordSessionResponse { SessionId = input.SessionId.ToString() };
                response.Changes.AddRange(Changes(events, time));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<RecordNextMorningPainResponse> RecordNextMorningPain(RecordNextMorningPainRequest request,
        ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var date = ProgrammingInput.Date(request.Date, "date", Today());
        return await writes.WriteAsync(id, s => s.DecideAsync(id, p => ProgramDecisions.RecordNextMorningPain(date, request.Pain, p, time.GetUtcNow()), context.CancellationToken),
            events =>
            {
                var response = new RecordNextMorningPainResponse();
                response.Changes.AddRange(Changes(events, time));
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
        return await writes.WriteAsync(id, s => s.DecideAsync(id,
            p => ProgramDecisions.SetPainCeiling(request.PainCeiling, reason, p, time.GetUtcNow()), context.CancellationToken),
            events =>
            {
                var response = new SetPainCeilingResponse();
                response.Changes.AddRange(Changes(events, time));
                return response;
            }, context.CancellationToken);
    }

    [Authorize(Scopes.ProgrammingWrite)]
    public override async Task<OverridePhaseResponse> OverridePhase(OverridePhaseRequest request, ServerCallContext context)
    {
        var id = RequestIds.ParseRunnerId(request.RunnerId);
        var reason = ProgrammingInput.Reason(request.Reason);
        var clinician = context.GetHttpContext().User.FindFirst("sub")?.Value ?? "clinician";
        return await writes.WriteAsync(id, s => s.DecideAsync(id,
            p => ProgramDecisions.OverridePhase((DomainPhase)(int)request.Phase, reason, clinician, p, time.GetUtcNow()), context.CancellationToken),
            events =>
            {
                var response = new OverridePhaseResponse();
                response.Changes.AddRange(Changes(events, time));
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
            ?? throw new NotFoundException($"Runner {id} has no program yet: a program starts from a completed assessment.");
        return (id, program);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
