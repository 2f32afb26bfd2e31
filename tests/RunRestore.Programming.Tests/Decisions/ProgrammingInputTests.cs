using RunRestore.Programming.Grpc;
using RunRestore.Programming.V1;
using RunRestore.ServiceDefaults.Errors;
using Xunit;

namespace RunRestore.Programming.Tests.Decisions;

/// <summary>Programming's writes check raw input with the shared helpers before the program rules see it (issue 12).</summary>
public sealed class ProgrammingInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static RecordSessionRequest Session(double loadKg = 0, string code = "clamshell", string date = "2026-11-24") => new()
    {
        RunnerId = Guid.CreateVersion7().ToString(),
        Date = date,
        Exercises = { new ExerciseDone { Code = code, Completed = true, Sets = 3, Reps = 12, LoadKg = loadKg, Rpe = 5, Pain = 1 } },
    };

    private static string RefusedField(Action action) =>
        Assert.Single(Assert.Throws<InvalidRequestException>(action).Problems).Field;

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-5)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    [InlineData(5e-324)]
    public void A_load_that_is_not_a_finite_weight_is_refused_never_dropped(double kg) =>
        Assert.Equal("exercises[0].load_kg", RefusedField(() => ProgrammingInput.Session(Session(loadKg: kg), Guid.CreateVersion7(), Today)));

    [Fact]
    public void No_load_and_a_real_load_pass()
    {
        Assert.Null(ProgrammingInput.Session(Session(), Guid.CreateVersion7(), Today).Exercises[0].LoadKg);
        Assert.Equal(12.5m, ProgrammingInput.Session(Session(loadKg: 12.5), Guid.CreateVersion7(), Today).Exercises[0].LoadKg);
    }

    [Theory]
    [InlineData("clam\u001bshell")]
    [InlineData("")]
    public void A_code_that_is_blank_or_holds_control_characters_is_refused(string code) =>
        Assert.Equal("exercises[0].code", RefusedField(() => ProgrammingInput.Session(Session(code: code), Guid.CreateVersion7(), Today)));

    [Theory]
    [InlineData("1900-01-01")]
    [InlineData("2026-11-27")]
    public void A_session_date_outside_1990_to_tomorrow_is_refused(string date) =>
        Assert.Equal("date", RefusedField(() => ProgrammingInput.Session(Session(date: date), Guid.CreateVersion7(), Today)));

    [Fact]
    public void More_than_50_exercises_in_one_session_are_refused()
    {
        var request = Session();
        request.Exercises.AddRange(Enumerable.Range(0, 50).Select(i => new ExerciseDone { Code = $"x{i}" }));

        Assert.Equal("exercises", RefusedField(() => ProgrammingInput.Session(request, Guid.CreateVersion7(), Today)));
    }

    [Fact]
    public void A_reason_is_1_to_200_characters_without_control_characters()
    {
        Assert.Equal(new string('r', 200), ProgrammingInput.Reason(new string('r', 200)));
        Assert.Equal("reason", RefusedField(() => ProgrammingInput.Reason(new string('r', 201))));
        Assert.Equal("reason", RefusedField(() => ProgrammingInput.Reason("  ")));
        Assert.Equal("reason", RefusedField(() => ProgrammingInput.Reason("tendon\u0007")));
    }
}
