using System.Net.Sockets;
using Grpc.Core;

namespace RunRestore.Cli.App;

/// <summary>What to tell the user about a failure, and the exit code.</summary>
internal sealed record ErrorReport(int ExitCode, IReadOnlyList<string> Lines);

/// <summary>
/// Turns failed calls into one clear message, never a stack trace. Exit codes: 1 the service failed, 2 bad input
/// (INVALID_ARGUMENT, or the command line's own checks), 3 refused (NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED,
/// FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED), 4 the service cannot be reached.
/// </summary>
internal static class ErrorReports
{
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Refused = 3;
    public const int Unreachable = 4;

    public static ErrorReport For(ServiceCallException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return For(failure.Service, failure.Address, failure.Error);
    }

    public static ErrorReport For(string service, Uri address, RpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = error.Status.Detail;
        var code = Name(error.StatusCode);
        return error.StatusCode switch
        {
            StatusCode.InvalidArgument => new(BadInput, [$"{service} rejected the request ({code}):", .. Violations(error, detail)]),
            StatusCode.FailedPrecondition => new(Refused, [$"{service} refused the request ({code}):", .. Violations(error, detail)]),
            StatusCode.NotFound => new(Refused, [$"{service}: not found ({code}): {detail}"]),
            StatusCode.PermissionDenied => new(Refused, [
                $"{service}: permission denied ({code}): the token lacks the scope this call needs" + Suffix(detail),
                "  mint one with every scope: runrestore token (or pass --scope ...)"]),
            StatusCode.Unauthenticated => new(Refused, [
                $"{service}: not authenticated ({code}): the token is missing, expired, or not signed with the key {service} expects" + Suffix(detail),
                "  pass --token / set RUNRESTORE_TOKEN, or set RUNRESTORE_SIGNING_KEY to mint one"]),
            StatusCode.AlreadyExists => new(Refused, [$"{service}: already exists ({code}): {detail}"]),
            StatusCode.Aborted => new(Refused, [$"{service}: conflicting change ({code}): {detail}"]),
            StatusCode.Unavailable when NeverConnected(error) => new(Unreachable, [
                $"cannot reach {service} at {Show(address)} — is it running? (bash deploy/run.sh)"]),
            StatusCode.Unavailable => new(Unreachable, [$"{service} at {Show(address)} is unavailable ({code}): {detail}"]),
            StatusCode.DeadlineExceeded => new(Unreachable, [$"{service} at {Show(address)} did not answer in time ({code})"]),
            StatusCode.Cancelled => new(Failed, [$"{service}: the call was cancelled"]),
            _ => new(Failed, [$"{service} failed ({code}): {detail}"]),
        };
    }

    /// <summary>One line per google.rpc.BadRequest field violation, else the status message.</summary>
    internal static IEnumerable<string> Violations(RpcException error, string detail)
    {
        var badRequest = error.GetRpcStatus()?.GetDetail<Google.Rpc.BadRequest>();
        if (badRequest is null || badRequest.FieldViolations.Count == 0)
        {
            return ["  " + detail];
        }

        return badRequest.FieldViolations.Select(v => $"  • {v.Field}: {v.Description}");
    }

    /// <summary>INVALID_ARGUMENT for "INVALID_ARGUMENT" etc.: the code as the gRPC docs spell it.</summary>
    internal static string Name(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.Aborted => "ABORTED",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.DataLoss => "DATA_LOSS",
        _ => "UNKNOWN",
    };

    // The client could not open a connection (nothing listens): the status comes from Grpc.Net.Client, not the service.
    private static bool NeverConnected(RpcException error) =>
        error.Status.DebugException is HttpRequestException or SocketException or IOException ||
        error.Status.Detail.StartsWith("Error starting gRPC call", StringComparison.Ordinal) ||
        error.Status.Detail.StartsWith("Error connecting to subchannel", StringComparison.Ordinal);

    private static string Suffix(string detail) => string.IsNullOrWhiteSpace(detail) ? "" : $" ({detail})";

    private static string Show(Uri address) => address.GetLeftPart(UriPartial.Authority);
}
