using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using RunRestore.Cli.App;
using Xunit;
using GrpcStatus = Grpc.Core.Status;
using RpcStatus = Google.Rpc.Status;

namespace RunRestore.Cli.Tests;

public sealed class ErrorReportsTests
{
    private static readonly Uri Intake = new("http://127.0.0.1:5101");

    [Fact]
    public void Invalid_argument_prints_each_field_violation_and_exits_2()
    {
        var badRequest = new BadRequest
        {
            FieldViolations =
            {
                new BadRequest.Types.FieldViolation { Field = "run.distance_km", Description = "must be more than 0 and at most 350" },
                new BadRequest.Types.FieldViolation { Field = "run.rpe", Description = "must be between 0 and 10" },
            },
        };
        var error = new RpcStatus
        {
            Code = (int)Code.InvalidArgument,
            Message = "The request is invalid: run.distance_km: ...; run.rpe: ...",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();

        var report = ErrorReports.For(new ServiceCallException("intake", Intake, "LogRun", error));

        Assert.Equal(2, report.ExitCode);
        Assert.Equal(
        [
            "intake rejected the request (INVALID_ARGUMENT):",
            "  • run.distance_km: must be more than 0 and at most 350",
            "  • run.rpe: must be between 0 and 10",
        ], report.Lines);
    }

    [Fact]
    public void Invalid_argument_without_details_prints_the_status_message()
    {
        var report = ErrorReports.For("intake", Intake, new RpcException(new GrpcStatus(StatusCode.InvalidArgument, "weeks: must be 1-104")));

        Assert.Equal((2, "  weeks: must be 1-104"), (report.ExitCode, report.Lines[1]));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "Runner 1 was not found.", "intake: not found (NOT_FOUND): Runner 1 was not found.")]
    [InlineData(StatusCode.PermissionDenied, "", "intake: permission denied (PERMISSION_DENIED): the token lacks the scope this call needs")]
    [InlineData(StatusCode.Unauthenticated, "Bad gRPC response.",
        "intake: not authenticated (UNAUTHENTICATED): the token is missing, expired, or not signed with the key intake expects (Bad gRPC response.)")]
    public void Refusals_are_one_clear_line_and_exit_3(StatusCode code, string detail, string first)
    {
        var report = ErrorReports.For("intake", Intake, new RpcException(new GrpcStatus(code, detail)));

        Assert.Equal(3, report.ExitCode);
        Assert.Equal(first, report.Lines[0]);
    }

    [Fact]
    public void A_service_that_does_not_answer_is_unavailable_with_a_hint_and_exit_4()
    {
        var refused = new RpcException(new GrpcStatus(StatusCode.Unavailable,
            "Error starting gRPC call. HttpRequestException: Connection refused (127.0.0.1:5101)",
            new HttpRequestException("Connection refused (127.0.0.1:5101)")));

        var report = ErrorReports.For(new ServiceCallException("intake", Intake, "GetRunner", refused));

        Assert.Equal(4, report.ExitCode);
        Assert.Equal(["cannot reach intake at http://127.0.0.1:5101 — is it running? (bash deploy/run.sh)"], report.Lines);
    }

    [Fact]
    public void A_service_that_answers_unavailable_says_what_it_said()
    {
        var report = ErrorReports.For("programming", new Uri("http://127.0.0.1:5103"),
            new RpcException(new GrpcStatus(StatusCode.Unavailable, "A backing service is unavailable; retry shortly.")));

        Assert.Equal(4, report.ExitCode);
        Assert.Equal("programming at http://127.0.0.1:5103 is unavailable (UNAVAILABLE): A backing service is unavailable; retry shortly.",
            Assert.Single(report.Lines));
    }

    [Fact]
    public void Anything_else_is_a_failure_with_exit_1_and_no_stack_trace()
    {
        var report = ErrorReports.For("assessment", Intake,
            new RpcException(new GrpcStatus(StatusCode.Internal, "An unexpected error occurred; it has been logged.")));

        Assert.Equal(1, report.ExitCode);
        Assert.Equal("assessment failed (INTERNAL): An unexpected error occurred; it has been logged.", Assert.Single(report.Lines));
    }
}
