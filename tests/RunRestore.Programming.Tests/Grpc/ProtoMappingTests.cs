using RunRestore.Programming.Programs;
using Xunit;
using static RunRestore.Programming.Grpc.ProgrammingProtoMapping;
using Proto = RunRestore.Programming.V1;

namespace RunRestore.Programming.Tests.Grpc;

/// <summary>Every proto enum programming maps has an explicit case each way, so a value added to the proto cannot
/// slip through as a bare number.</summary>
public sealed class ProtoMappingTests
{
    [Fact]
    public void Every_proto_phase_but_unspecified_maps_to_a_phase_and_back()
    {
        foreach (var proto in Enum.GetValues<Proto.Phase>())
        {
            var phase = ToDomain(proto);

            if (proto == Proto.Phase.Unspecified)
            {
                Assert.Null(phase);
            }
            else
            {
                Assert.Equal(proto, ToProto(Assert.NotNull(phase)));
            }
        }
    }

    [Fact]
    public void Every_phase_maps_to_a_proto_phase_and_back()
    {
        foreach (var phase in Enum.GetValues<Phase>())
        {
            var proto = ToProto(phase);

            Assert.NotEqual(Proto.Phase.Unspecified, proto);
            Assert.Equal(phase, ToDomain(proto));
        }
    }

    [Fact]
    public void A_number_that_is_no_phase_is_refused_or_unspecified()
    {
        Assert.Null(ToDomain((Proto.Phase)99));
        Assert.Equal(Proto.Phase.Unspecified, ToProto((Phase)99));
    }
}
