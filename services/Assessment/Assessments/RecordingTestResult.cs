using Marten;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Assessment.Assessments;

/// <summary>A result as it arrives; side and rating are the proto's numbers.</summary>
public sealed record TestResultDraft(string TestCode, int Side, double Value, string? Unit, int Rating, string? Notes);

/// <summary>Records one test result, checked against the catalogue (DOMAIN.md M1-M9): known code, unit, range, side.</summary>
public static class RecordingTestResult
{
    /// <summary>Catalogue codes and units are short words; the proto documents these limits.</summary>
    public const int MaxCodeLength = 64;
    public const int MaxNotesLength = 200;

    public static TestResult Decide(AssessmentRecord assessment, TestResultDraft draft, Guid resultId)
    {
        if (assessment.IsCompleted)
        {
            throw new PreconditionFailedException($"Assessment {assessment.Id} is completed: start a new one to record more.",
                [new PreconditionViolation("assessment_open", "assessment_id", "the assessment is completed")]);
        }

        var violations = new FieldViolations();
        var code = violations.SingleLine(draft.TestCode, "test_code", MaxCodeLength, required: true);
        var test = TestCatalogue.Find(code);
        if (test is null)
        {
            violations.Check(!violations.IsEmpty, "test_code",
                $"'{FieldChecks.Quote(code)}' is not in the test catalogue (see GetTestCatalogue)");
            violations.ThrowIfAny();
        }

        var unit = violations.SingleLine(draft.Unit, "unit", MaxCodeLength);
        unit = unit.Length == 0 ? test!.Units[0] : unit;
        violations.Check(test!.Units.Contains(unit), "unit", $"must be one of: {string.Join(", ", test.Units)}");
        var (min, max) = TestCatalogue.RangeFor(test.Code, unit) ?? (test.Min, test.Max);
        var value = violations.Finite(draft.Value, "value", (double)min, (double)max, FieldChecks.Quote(unit));
        BodySide? side = draft.Side switch { 1 => BodySide.Left, 2 => BodySide.Right, _ => null };
        violations.Check(draft.Side is >= 0 and <= 2, "side", $"{draft.Side} is not a known side");
        violations.Check(!test.PerSide || side is not null, "side", $"{test.Code} is measured per side: give LEFT or RIGHT");
        violations.Check(test.PerSide || side is null, "side", $"{test.Code} is not measured per side");
        Rating? rating = draft.Rating switch { 1 => Rating.Good, 2 => Rating.Fair, 3 => Rating.Poor, _ => null };
        violations.Check(draft.Rating is >= 0 and <= 3, "rating", $"{draft.Rating} is not a known rating");
        violations.Check(!test.NeedsRating || rating is not null, "rating", $"{test.Code} needs a rating (GOOD, FAIR or POOR)");
        var notes = violations.Text(draft.Notes, "notes", MaxNotesLength);
        violations.ThrowIfAny();
        return new TestResult(resultId, test.Code, side, (decimal)value!.Value, unit, rating, notes);
    }

    public static async Task<Guid> HandleAsync(IDocumentSession session, Guid assessmentId, TestResultDraft draft,
        TimeProvider time, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<AssessmentRecord>(assessmentId, ct).ConfigureAwait(false);
        var assessment = stream.Aggregate ?? throw new NotFoundException($"Assessment {assessmentId} was not found.");
        var now = time.GetUtcNow();
        var result = Decide(assessment, draft, Guid.CreateVersion7(now));
        stream.AppendOne(new TestResultRecorded(result, now));
        return result.ResultId;
    }
}
