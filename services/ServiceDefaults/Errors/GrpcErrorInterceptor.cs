using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using JasperFx;
using JasperFx.Events;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using GrpcStatusCode = Grpc.Core.StatusCode;
using RpcStatus = Google.Rpc.Status;

namespace RunRestore.ServiceDefaults.Errors;

/// <summary>
/// The one place that turns exceptions into gRPC statuses (ARCHITECTURE.md "Errors"): bad input is
/// INVALID_ARGUMENT with field violations, a stream version conflict ABORTED, a missing thing NOT_FOUND,
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
                badRequest.FieldViolations.AddRange(invalid.Violations);
                return new RpcStatus
                {
                    Code = (int)Code.InvalidArgument,
                    Message = "The request is invalid: " + invalid.Message,
                    Details = { Any.Pack(badRequest) },
                }.ToRpcException();
            case NotFoundException:
                return Status(GrpcStatusCode.NotFound, ex.Message);
            case AlreadyExistsException:
                return Status(GrpcStatusCode.AlreadyExists, ex.Message);
            case PreconditionFailedException:
                return Status(GrpcStatusCode.FailedPrecondition, ex.Message);
            // A concurrent write won (a stream version, or a unique id such as a partner activity): the caller retries.
            case ConcurrencyException or EventStreamUnexpectedMaxEventIdException or DocumentAlreadyExistsException
                or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException:
                return Status(GrpcStatusCode.Aborted,
                    "Someone else changed this record at the same time; read it again and retry.");
            case OperationCanceledException:
                return Status(GrpcStatusCode.Cancelled, "The call was cancelled.");
            case NpgsqlException or BrokerUnreachableException or TimeoutException
                or MartenCommandException { InnerException: NpgsqlException }:
                LogUnavailable(logger, method, ex);
                return Status(GrpcStatusCode.Unavailable, "A backing service is unavailable; retry shortly.");
            default:
                LogUnexpected(logger, method, ex);
                return Status(GrpcStatusCode.Internal, "An unexpected error occurred; it has been logged.");
        }
    }

    private static RpcException Status(GrpcStatusCode code, string message) => new(new Grpc.Core.Status(code, message));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed: a backing service is unavailable")]
    private static partial void LogUnavailable(ILogger logger, string method, Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception ex);
}
