namespace RunRestore.Programming.Domain;

/// <summary>Whether a violation is bad input (INVALID_ARGUMENT) or a valid request the program's state refuses
/// (FAILED_PRECONDITION), so the gRPC layer can tell the caller which one to fix.</summary>
public enum ViolationKind
{
    InvalidArgument = 1,
    FailedPrecondition = 2,
}

/// <summary>One field that broke a rule; <paramref name="Field"/> uses the proto's snake_case names.</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// A command the programming rules refuse. Every problem is reported at once (like intake's field violations), so a
/// clinician fixes a form in one go; <see cref="Field"/> and <see cref="Problem"/> are the first problem's.
/// </summary>
public sealed class ProgramRuleViolationException : Exception
{
    public ProgramRuleViolationException(string field, string message, ViolationKind kind = ViolationKind.InvalidArgument)
        : this([new FieldProblem(field, message)], kind)
    {
    }

    public ProgramRuleViolationException(IReadOnlyList<FieldProblem> problems, ViolationKind kind = ViolationKind.InvalidArgument)
        : base(Describe(problems))
    {
        Problems = problems;
        Kind = kind;
    }

    public ProgramRuleViolationException()
        : this("request", "is not valid")
    {
    }

    public ProgramRuleViolationException(string message)
        : this("request", message)
    {
    }

    public ProgramRuleViolationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [new FieldProblem("request", message)];
        Kind = ViolationKind.InvalidArgument;
    }

    public IReadOnlyList<FieldProblem> Problems { get; }

    public ViolationKind Kind { get; }

    public string Field => Problems[0].Field;

    public string Problem => Problems[0].Message;

    private static string Describe(IReadOnlyList<FieldProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A violation needs at least one problem.", nameof(problems));
        }

        return string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"));
    }
}

/// <summary>Collects problems while a decider checks a command, then throws them together.</summary>
internal sealed class FieldProblems
{
    private readonly List<FieldProblem> _problems = [];

    public FieldProblems Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            _problems.Add(new FieldProblem(field, message));
        }

        return this;
    }

    public void ThrowIfAny(ViolationKind kind = ViolationKind.InvalidArgument)
    {
        if (_problems.Count > 0)
        {
            throw new ProgramRuleViolationException([.. _problems], kind);
        }
    }
}
