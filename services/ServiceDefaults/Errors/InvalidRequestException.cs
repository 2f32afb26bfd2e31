namespace RunRestore.ServiceDefaults.Errors;

/// <summary>One field a command got wrong; <paramref name="Field"/> uses the proto's snake_case name (with a prefix such
/// as <c>runs[3].</c> for batch items).</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>Bad input: becomes INVALID_ARGUMENT with one google.rpc.BadRequest field violation per problem (only
/// <see cref="GrpcErrorInterceptor"/> speaks protobuf).</summary>
public sealed class InvalidRequestException(IReadOnlyList<FieldProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}")))
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}

/// <summary>
/// The one vocabulary every decider reports problems in: collects them (so a clinician or partner app fixes a request
/// in one go) and throws once — as bad input (INVALID_ARGUMENT) or, for a valid request the state refuses, as a failed
/// precondition naming the rule that refused it (FAILED_PRECONDITION with google.rpc.PreconditionFailure).
/// </summary>
public sealed class FieldViolations
{
    private readonly List<FieldProblem> _problems = [];

    public bool IsEmpty => _problems.Count == 0;

    public FieldViolations Add(string field, string message)
    {
        _problems.Add(new FieldProblem(field, message));
        return this;
    }

    /// <summary>Records a problem when <paramref name="valid"/> is false.</summary>
    public FieldViolations Check(bool valid, string field, string message) => valid ? this : Add(field, message);

    /// <summary>The problems collected so far (for results that report problems per item).</summary>
    public IReadOnlyList<FieldProblem> ToList() => _problems.ToArray();

    /// <summary>Throws INVALID_ARGUMENT with every problem collected, if any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new InvalidRequestException(_problems.ToArray());
        }
    }

    /// <summary>Throws FAILED_PRECONDITION if any problem was collected: each names its field and the rule
    /// (<paramref name="rule"/>, e.g. "program_state" or a DOMAIN.md id) that refused it.</summary>
    public void ThrowIfAnyPrecondition(string rule)
    {
        if (_problems.Count > 0)
        {
            throw new PreconditionFailedException(string.Join("; ", _problems.Select(p => $"{p.Field}: {p.Message}")),
                [.. _problems.Select(p => new PreconditionViolation(rule, p.Field, p.Message))]);
        }
    }
}
