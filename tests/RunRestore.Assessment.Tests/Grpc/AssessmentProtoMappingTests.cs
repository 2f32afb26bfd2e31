using System.Globalization;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Grpc;
using RunRestore.Assessment.Screening;
using Xunit;
using static RunRestore.Assessment.Tests.AssessmentScenario;
using Proto = RunRestore.Assessment.V1;

namespace RunRestore.Assessment.Tests.Grpc;

/// <summary>Every value of every proto enum the service maps has a way in and, where there is one, back (issue 11, item 3).</summary>
public sealed class AssessmentProtoMappingTests
{
    [Fact]
    public void Every_proto_side_maps_to_a_domain_side_and_back() =>
        MapsBothWays<Proto.BodySide, BodySide>(AssessmentProtoMapping.FromProto, AssessmentProtoMapping.ToProto);

    [Fact]
    public void Every_proto_rating_maps_to_a_domain_rating_and_back() =>
        MapsBothWays<Proto.Rating, Rating>(AssessmentProtoMapping.FromProto, AssessmentProtoMapping.ToProto);

    [Fact]
    public void Every_domain_side_and_rating_has_a_proto_value()
    {
        Assert.All(Enum.GetValues<BodySide>(), s => Assert.NotEqual(Proto.BodySide.Unspecified, AssessmentProtoMapping.ToProto(s)));
        Assert.All(Enum.GetValues<Rating>(), r => Assert.NotEqual(Proto.Rating.Unspecified, AssessmentProtoMapping.ToProto(r)));
    }

    [Fact]
    public void A_number_this_proto_version_does_not_define_is_kept_to_be_refused()
    {
        Assert.Equal("7", AssessmentProtoMapping.FromProto((Proto.BodySide)7).Unknown);
        Assert.Equal("-1", AssessmentProtoMapping.FromProto((Proto.Rating)(-1)).Unknown);
    }

    [Fact]
    public void Every_assessment_status_but_unspecified_is_what_some_assessment_is()
    {
        var open = AssessmentRecord.Create(Started());
        var completed = open.Apply(CompletedOn(Today));
        var shown = new[] { open, completed }.Select(AssessmentProtoMapping.StatusOf).ToHashSet();

        Assert.All(Enum.GetValues<Proto.AssessmentStatus>(),
            status => Assert.Equal(status != Proto.AssessmentStatus.Unspecified, shown.Contains(status)));
    }

    // Unspecified (0) is "none"; every other value is a domain value that maps back to itself.
    private static void MapsBothWays<TProto, TDomain>(Func<TProto, Choice<TDomain>> fromProto, Func<TDomain?, TProto> toProto)
        where TProto : struct, Enum where TDomain : struct, Enum
    {
        foreach (var value in Enum.GetValues<TProto>())
        {
            var choice = fromProto(value);

            Assert.Null(choice.Unknown);
            Assert.Equal(Convert.ToInt32(value, CultureInfo.InvariantCulture) == 0, choice.Value is null);
            Assert.Equal(value, toProto(choice.Value));
        }
    }
}
