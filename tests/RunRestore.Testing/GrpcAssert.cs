using Grpc.Core;
using Xunit;

namespace RunRestore.Testing;

/// <summary>Assertions on gRPC errors with google.rpc.BadRequest details.</summary>
public static class GrpcAssert
{
    public static async Task<IReadOnlyList<string>> InvalidArgumentAsync(Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var badRequest = ex.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        Assert.NotNull(badRequest);
        return badRequest.FieldViolations.Select(v => v.Field).ToList();
    }

    public static async Task<StatusCode> StatusAsync(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).StatusCode;
}
