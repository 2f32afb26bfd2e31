namespace RunRestore.ServiceDefaults.Errors;

/// <summary>Parsing of ids that arrive as strings in requests.</summary>
public static class RequestIds
{
    /// <summary>A runner id (UUID) from the "runner_id" field, or INVALID_ARGUMENT naming it.</summary>
    public static Guid ParseRunnerId(string value, string field = "runner_id") => Parse(value, field, "a runner id");

    /// <summary>An id (UUID) from <paramref name="field"/>, or INVALID_ARGUMENT naming it.</summary>
    public static Guid Parse(string value, string field, string what)
    {
        if (Guid.TryParse(value, out var id) && id != Guid.Empty)
        {
            return id;
        }

        new FieldViolations().Add(field, $"must be {what} (UUID)").ThrowIfAny();
        return Guid.Empty;
    }
}
