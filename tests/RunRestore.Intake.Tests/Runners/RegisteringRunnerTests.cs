using RunRestore.Intake.Runners;
using RunRestore.ServiceDefaults.Errors;
using Xunit;

namespace RunRestore.Intake.Tests.Runners;

public sealed class RegisteringRunnerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid RunnerId = Guid.Parse("0191f3a0-0000-7000-8000-000000000001");

    private static RegisterRunner Command(string name = "Ada Runner", int birthYear = 1988, RunnerSex? sex = RunnerSex.Female) =>
        new(RunnerId, name, birthYear, sex, Now);

    [Fact]
    public void Registering_starts_the_stream_with_the_trimmed_name_and_the_time_of_the_command()
    {
        var registered = RegisteringRunner.Decide(Command("  Ada Runner "));

        Assert.Equal(new RunnerRegistered(RunnerId, "Ada Runner", 1988, RunnerSex.Female, Now), registered);
        Assert.Equal(new Runner(RunnerId, "Ada Runner", 1988, RunnerSex.Female, Now, RunnerProfile.Empty), Runner.Create(registered));
    }

    [Theory]
    [InlineData("", "display_name")]
    [InlineData("   ", "display_name")]
    public void A_blank_name_is_rejected_naming_the_field(string name, string field)
    {
        var ex = Assert.Throws<InvalidRequestException>(() => RegisteringRunner.Decide(Command(name)));

        Assert.Equal(field, Assert.Single(ex.Problems).Field);
    }

    [Fact]
    public void A_name_of_200_characters_is_accepted_and_201_is_rejected()
    {
        RegisteringRunner.Decide(Command(new string('a', 200)));
        var ex = Assert.Throws<InvalidRequestException>(() => RegisteringRunner.Decide(Command(new string('a', 201))));

        Assert.Contains("at most 200", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2026, true)]
    [InlineData(2027, false)]
    public void The_birth_year_must_lie_between_1900_and_this_year(int year, bool accepted)
    {
        var decide = () => RegisteringRunner.Decide(Command(birthYear: year));

        if (accepted)
        {
            Assert.Equal(year, decide().BirthYear);
        }
        else
        {
            Assert.Equal("birth_year", Assert.Single(Assert.Throws<InvalidRequestException>(decide).Problems).Field);
        }
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var ex = Assert.Throws<InvalidRequestException>(() => RegisteringRunner.Decide(Command("", 1800, null)));

        Assert.Equal(["display_name", "birth_year", "sex"], ex.Problems.Select(v => v.Field));
    }
}
