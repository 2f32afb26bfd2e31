using Google.Rpc;

namespace RunRestore.ServiceDefaults.Errors;

/// <summary>Bad input: becomes INVALID_ARGUMENT with one google.rpc.BadRequest field violation per problem.</summary>
public sealed class InvalidRequestException(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<BadRequest.Types.FieldViolation> Violations { get; } = violations;
}

/// <summary>Collects field violations (proto field names) and throws once with all of them.</summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> _violations = [];

    public bool IsEmpty => _violations.Count == 0;

    public FieldViolations Add(string field, string description)
    {
        _violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    /// <summary>Records a violation when <paramref name="valid"/> is false.</summary>
    public FieldViolations Check(bool valid, string field, string description) => valid ? this : Add(field, description);

    /// <summary>The violations collected so far (for results that report problems per item).</summary>
    public IReadOnlyList<BadRequest.Types.FieldViolation> ToList() => _violations.ToArray();

    public void ThrowIfAny()
    {
        if (_violations.Count > 0)
        {
            throw new InvalidRequestException(_violations.ToArray());
        }
    }
}
