using Marten;
using RunRestore.Programming.Domain;
using RunRestore.Programming.Domain.Program;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Programming.Programs;

/// <summary>The one way program commands decide: fetch the runner's program, decide, append (EventStoreWriter saves).</summary>
public static class ProgramStreams
{
    /// <summary>Runs a decider against the runner's program and appends what it decided; returns the new events.</summary>
    public static async Task<IReadOnlyList<object>> DecideAsync(this IDocumentSession session, Guid runnerId,
        Func<RunnerProgram, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<RunnerProgram>(runnerId, ct).ConfigureAwait(false);
        var program = stream.Aggregate
            ?? throw new NotFoundException($"Runner {runnerId} has no program yet: a program starts from a completed assessment.");
        var events = Translate(() => decide(program));
        stream.AppendMany(events);

        return events;
    }

    /// <summary>Turns the program rules' refusals into the service's error model (INVALID_ARGUMENT / FAILED_PRECONDITION).</summary>
    public static T Translate<T>(Func<T> decide)
    {
        try
        {
            return decide();
        }
        catch (ProgramRuleViolationException ex) when (ex.Kind == ViolationKind.FailedPrecondition)
        {
            // Each problem names the field and the program rule it broke, so a client can tell which one to fix.
            throw new PreconditionFailedException(ex.Message,
                [.. ex.Problems.Select(p => new PreconditionViolation("program_state", p.Field, p.Message))]);
        }
        catch (ProgramRuleViolationException ex)
        {
            var violations = new FieldViolations();
            foreach (var problem in ex.Problems)
            {
                violations.Add(problem.Field, problem.Message);
            }

            violations.ThrowIfAny();
            throw;
        }
    }
}
