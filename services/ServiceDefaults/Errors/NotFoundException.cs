namespace RunRestore.ServiceDefaults.Errors;

/// <summary>The thing asked for does not exist for the caller's clinic: becomes NOT_FOUND.</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException Runner(Guid runnerId) => new($"Runner {runnerId} was not found.");
}

/// <summary>The request is valid but the state does not allow it (e.g. completing twice): FAILED_PRECONDITION.</summary>
public sealed class PreconditionFailedException(string message) : Exception(message);

/// <summary>The thing to create exists already: ALREADY_EXISTS.</summary>
public sealed class AlreadyExistsException(string message) : Exception(message);

/// <summary>The caller wrote against a version that is no longer current (an expected_version): ABORTED, read again.</summary>
public sealed class StaleVersionException(string message) : Exception(message);
