using Marten;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;
using RunRestore.ServiceDefaults.EventStore;

namespace RunRestore.Assessment.Assessments;

/// <summary>
/// A pick among known values as it arrived (a proto enum, a clinic's word): one of them, none, or something this
/// service does not know, kept as it was written so the refusal can quote it.
/// </summary>
public readonly record struct Choice<T>(T? Value, string? Unknown) where T : struct, Enum;

/// <summary>Makes <see cref="Choice{T}"/>s; <c>default</c> is none.</summary>
public static class Choice
{
    public static Choice<T> Of<T>(T value) where T : struct, Enum => new(value, null);

    public static Choice<T> NotKnown<T>(string written) where T : struct, Enum => new(null, written);
}

/// <summary>A result as it arrives, before the catalogue checks it.</summary>
public sealed record RecordTestResult(Guid AssessmentId, string TestCode, Choice<BodySide> Side, double Value, string? Unit,
    Choice<Rating> Rating, string? Notes);

/// <summary>Records one test result, checked against the catalogue (DOMAIN.md M1-M9): known code, unit, range, side.</summary>
public static class RecordingTestResult
{
    /// <summary>Catalogue codes and units are short words; the proto documents these limits.</summary>
    public const int MaxCodeLength = 64;
    public const int MaxNotesLength = 200;

    public static TestResultRecorded Decide(RecordTestResult command, AssessmentRecord assessment, Guid resultId,
        DateTimeOffset now)
    {
        if (assessment.IsCompleted)
        {
            throw new PreconditionFailedException($"Assessment {assessment.Id} is completed: start a new one to record more.",
                [new PreconditionViolation("assessment_open", "assessment_id", "the assessment is completed")]);
        }

        var violations = new FieldViolations();
        var code = violations.SingleLine(command.TestCode, "test_code", MaxCodeLength, required: true);
        var test = TestCatalogue.Find(code);
        if (test is null)
        {
            violations.Check(!violations.IsEmpty, "test_code",
                $"'{FieldChecks.Quote(code)}' is not in the test catalogue (see GetTestCatalogue)");
            violations.ThrowIfAny();
        }

        var unit = violations.SingleLine(command.Unit, "unit", MaxCodeLength);
        unit = unit.Length == 0 ? test!.Units[0] : unit;
        violations.Check(test!.Units.Contains(unit), "unit", $"must be one of: {string.Join(", ", test.Units)}");
        var (min, max) = TestCatalogue.RangeFor(test.Code, unit) ?? (test.Min, test.Max);
        var value = violations.Finite(command.Value, "value", (double)min, (double)max, FieldChecks.Quote(unit));
        violations.Check(unit != TestCatalogue.AnswerUnit || value is null || double.IsInteger(value.Value), "value",
            $"{test.Code} is answered 0 (no), 1 (yes) or 2 (unsure)");
        var side = command.Side.Value;
        violations.Check(command.Side.Unknown is null, "side", $"{FieldChecks.Quote(command.Side.Unknown)} is not a known side");
        // M4 (rule set v2): left and right must share a unit, or the sides cannot be compared and nothing would be found.
        var otherSide = assessment.Results.LastOrDefault(r => r.TestCode == test.Code && r.Side is not null && r.Side != side);
        violations.Check(side is null || otherSide is null || otherSide.Unit == unit, "unit",
            $"the other side of {test.Code} was recorded in {otherSide?.Unit}: left and right must share a unit (M4)");
        violations.Check(!test.PerSide || side is not null, "side", $"{test.Code} is measured per side: give LEFT or RIGHT");
        violations.Check(test.PerSide || side is null, "side", $"{test.Code} is not measured per side");
        var rating = command.Rating.Value;
        violations.Check(command.Rating.Unknown is null, "rating",
            $"{FieldChecks.Quote(command.Rating.Unknown)} is not a known rating");
        violations.Check(!test.NeedsRating || rating is not null, "rating", $"{test.Code} needs a rating (GOOD, FAIR or POOR)");
        var notes = violations.Text(command.Notes, "notes", MaxNotesLength);
        violations.ThrowIfAny();
        return new TestResultRecorded(new TestResult(resultId, test.Code, side, (decimal)value!.Value, unit, rating, notes), now);
    }

    public static async Task<Guid> HandleAsync(IDocumentSession session, RecordTestResult command, TimeProvider time,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var resultId = Guid.CreateVersion7(now);
        await session.DecideAsync<AssessmentRecord>(command.AssessmentId, assessment => [Decide(command, assessment, resultId, now)],
            () => AssessmentRecord.NotFound(command.AssessmentId), ct).ConfigureAwait(false);
        return resultId;
    }
}
