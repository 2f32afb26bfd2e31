using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using Xunit;
using static RunRestore.Intake.Grpc.IntakeProtoMapping;
using CommonProto = RunRestore.Common.V1;
using Proto = RunRestore.Intake.V1;

namespace RunRestore.Intake.Tests.Grpc;

/// <summary>Every value of every proto enum intake maps crosses to the domain and back, and every domain member too.</summary>
public sealed class IntakeProtoEnumTests
{
    [Fact]
    public void Session_types_map_both_ways() => AssertBothWays<Proto.SessionType, SessionType>(ToDomain, ToProto);

    [Fact]
    public void Surfaces_map_both_ways() => AssertBothWays<Proto.Surface, Surface>(ToDomain, ToProto);

    [Fact]
    public void Competition_priorities_map_both_ways() =>
        AssertBothWays<Proto.CompetitionPriority, CompetitionPriority>(ToDomain, ToProto);

    [Fact]
    public void Body_sites_map_both_ways() => AssertBothWays<Proto.BodySite, BodySite>(ToDomain, ToProto);

    [Fact]
    public void Sides_map_both_ways() => AssertBothWays<Proto.Side, Side>(ToDomain, ToProto);

    [Fact]
    public void Pain_phases_map_both_ways() => AssertBothWays<Proto.PainPhase, PainPhase>(ToDomain, ToProto);

    [Fact]
    public void Red_flag_answers_map_both_ways() => AssertBothWays<Proto.RedFlagAnswer, RedFlagAnswer>(ToDomain, ToProto);

    [Fact]
    public void Weekdays_map_both_ways() => AssertBothWays<Proto.Weekday, DayOfWeek>(ToDomain, ToProto);

    [Fact]
    public void Sexes_map_both_ways() => AssertBothWays<CommonProto.Sex, RunnerSex>(ToDomain, ToProto);

    [Fact]
    public void Every_import_outcome_has_its_own_proto_value_and_every_proto_outcome_is_reached()
    {
        var mapped = Enum.GetValues<ImportItemOutcome>().Select(ToProto).ToList();

        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.Equal(Enum.GetValues<Proto.ImportOutcome>().Where(o => o != Proto.ImportOutcome.Unspecified).Order(),
            mapped.Order());
    }

    [Fact]
    public void An_unspecified_value_is_not_given_and_an_undefined_number_is_unknown_by_its_number()
    {
        Assert.Equal(Choice.NotGiven<BodySite>(), Choose(Proto.BodySite.Unspecified, ToDomain));
        Assert.Equal(Choice.Unknown<BodySite>("99"), Choose((Proto.BodySite)99, ToDomain));
        Assert.Equal(Choice.Of(BodySite.Achilles), Choose(Proto.BodySite.Achilles, ToDomain));
    }

    private static void AssertBothWays<TProto, TDomain>(Func<TProto, TDomain?> toDomain, Func<TDomain, TProto> toProto)
        where TProto : struct, Enum where TDomain : struct, Enum
    {
        foreach (var value in Enum.GetValues<TProto>())
        {
            if (EqualityComparer<TProto>.Default.Equals(value, default))
            {
                Assert.Null(toDomain(value));
                continue;
            }

            var domain = toDomain(value);
            Assert.True(domain is not null, $"{typeof(TProto).Name}.{value} maps to no {typeof(TDomain).Name}");
            Assert.Equal(value, toProto(domain.Value));
        }

        foreach (var member in Enum.GetValues<TDomain>())
        {
            Assert.Equal(member, toDomain(toProto(member)));
        }
    }
}
