namespace RunRestore.ServiceDefaults.Errors;

/// <summary>The thing asked for does not exist for the caller's clinic: becomes NOT_FOUND.</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException Runner(Guid runnerId) => new($"Runner {runnerId} was not found.");
}

/// <summary>
/// The request is valid but the state does not allow it (e.g. completing twice, an exercise not in the program):
/// FAILED_PRECONDITION, with one google.rpc.PreconditionFailure violation per <paramref name="violations"/> item.
/// </summary>
public sealed class PreconditionFailedException(string message, IReadOnlyList<PreconditionViolation>? violations = null)
    : Exception(message)
{
    public IReadOnlyList<PreconditionViolation> Violations { get; } = violations ?? [];
}

/// <summary>Which rule (<paramref name="Type"/>, e.g. "exercise_in_program") refused which field (<paramref name="Subject"/>).</summary>
public sealed record PreconditionViolation(string Type, string Subject, string Description);

/// <summary>The thing to create exists already: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);

/// <summary>The caller wrote against a version that is no longer current (an expected_version): ABORTED, read again.</summary>
public sealed class StaleVersionException(string message) : Exception(message);
