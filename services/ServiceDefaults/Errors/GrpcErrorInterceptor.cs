using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using RunRestore.ServiceDefaults.EventStore;
using GrpcStatusCode = Grpc.Core.StatusCode;
using RpcStatus = Google.Rpc.Status;

namespace RunRestore.ServiceDefaults.Errors;

/// <summary>
/// The one place that turns exceptions into gRPC statuses (ARCHITECTURE.md "Errors"): bad input is
/// INVALID_ARGUMENT with field violations, a refused precondition FAILED_PRECONDITION (with PreconditionFailure
/// details when the decider named the field), a stream version conflict ABORTED, a missing thing NOT_FOUND,
/// PostgreSQL or RabbitMQ down UNAVAILABLE, and anything else INTERNAL without a stack trace.
/// </summary>
public sealed partial class GrpcErrorInterceptor(ILogger<GrpcErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request,
        ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context.Method);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context.Method);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request,
        IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context.Method);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context.Method);
        }
    }

    private RpcException Translate(Exception ex, string method)
    {
        switch (ex)
        {
            case InvalidRequestException invalid:
                var badRequest = new BadRequest();
                badRequest.FieldViolations.AddRange(invalid.Problems.Take(MaxViolations)
                    .Select(p => new BadRequest.Types.FieldViolation { Field = p.Field, Description = p.Message }));
                return new RpcStatus
                {
                    Code = (int)Code.InvalidArgument,
                    Message = Capped("The request is invalid: " + invalid.Message),
                    Details = { Any.Pack(badRequest) },
                }.ToRpcException();
            case PreconditionFailedException { Violations.Count: > 0 } failed:
                var failure = new PreconditionFailure();
                failure.Violations.AddRange(failed.Violations.Take(MaxViolations).Select(v => new PreconditionFailure.Types.Violation
                {
                    Type = v.Type, Subject = v.Subject, Description = v.Description,
                }));
                return new RpcStatus
                {
                    Code = (int)Code.FailedPrecondition,
                    Message = Capped(failed.Message),
                    Details = { Any.Pack(failure) },
                }.ToRpcException();
            case NotFoundException:
                return Status(GrpcStatusCode.NotFound, Capped(ex.Message));
            case AlreadyExistsException:
                return Status(GrpcStatusCode.AlreadyExists, Capped(ex.Message));
            case PreconditionFailedException:
                return Status(GrpcStatusCode.FailedPrecondition, Capped(ex.Message));
            // The client's expected_version is stale: it reads again and retries after the delay in RetryInfo.
            case StaleVersionException:
                return Aborted(ex.Message);
            // A concurrent write won every retry inside the service (EventStoreWriter).
            case var _ when WriteConflicts.IsConflict(ex):
                return Aborted("Others changed this record at the same time; retry the call.");
            case OperationCanceledException:
                return Status(GrpcStatusCode.Cancelled, "The call was cancelled.");
            case var _ when IsTransient(ex):
                LogUnavailable(logger, method, ex);
                return Status(GrpcStatusCode.Unavailable, "A backing service is unavailable; retry shortly.");
            case var _ when Find<PostgresException>(ex) is { SqlState: [ '2', '2', ..] }:
                // PostgreSQL refused a value (class 22, data exception, e.g. a NUL character): bad input, never worth a retry.
                return Status(GrpcStatusCode.InvalidArgument, "The request holds a value that cannot be stored.");
            default:
                LogUnexpected(logger, method, ex);
                return Status(GrpcStatusCode.Internal, "An unexpected error occurred; it has been logged.");
        }
    }

    // The status and its details travel in HTTP/2 trailers: a message or a list of violations that grew with the input
    // (thousands of bad items) could make them unsendable and hang the call, so both are capped (issue 12).
    private const int MaxViolations = 100;
    private const int MaxMessageLength = 2000;

    private static string Capped(string message) =>
        message.Length <= MaxMessageLength ? message : message[..MaxMessageLength] + "…";

    private static RpcException Status(GrpcStatusCode code, string message) => new(new Grpc.Core.Status(code, message));

    private static RpcException Aborted(string message) => new RpcStatus
    {
        Code = (int)Code.Aborted,
        Message = message,
        Details = { Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(200)) }) },
    }.ToRpcException();

    // A database or broker that is restarting, unreachable or dropped the connection mid-call: UNAVAILABLE, so clients
    // following the error model retry (a connection killed by a PostgreSQL restart surfaces as 57P01, a broken
    // connection, or a disposed NpgsqlTransaction).
    internal static bool IsTransient(Exception ex) => ex switch
    {
        PostgresException postgres => postgres.IsTransient || postgres.SqlState is ['0', '8', ..] or ['5', '3', ..]
            or ['5', '7', ..] or ['5', '8', ..],
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is { } inner && IsTransient(inner),
        ObjectDisposedException disposed => disposed.ObjectName?.StartsWith("Npgsql", StringComparison.Ordinal) == true,
        BrokerUnreachableException or AlreadyClosedException or TimeoutException or System.Net.Sockets.SocketException
            or IOException => true,
        _ => ex.InnerException is { } cause && IsTransient(cause),
    };

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
            {
                return found;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed: a backing service is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string method, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception ex);
}
