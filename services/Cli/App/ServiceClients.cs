using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using RunRestore.Assessment.V1;
using RunRestore.Intake.V1;
using RunRestore.Programming.V1;

namespace RunRestore.Cli.App;

/// <summary>The three services' gRPC clients, each sending the bearer token and naming itself when a call fails.</summary>
internal sealed class ServiceClients : IDisposable
{
    private readonly GrpcChannel[] _channels;

    private ServiceClients(Endpoints endpoints, string token)
    {
        var intake = GrpcChannel.ForAddress(endpoints.Intake);
        var assessment = GrpcChannel.ForAddress(endpoints.Assessment);
        var programming = GrpcChannel.ForAddress(endpoints.Programming);
        _channels = [intake, assessment, programming];
        Endpoints = endpoints;
        Intake = new IntakeService.IntakeServiceClient(intake.Intercept(new CallContext("intake", endpoints.Intake, token)));
        Assessment = new AssessmentService.AssessmentServiceClient(
            assessment.Intercept(new CallContext("assessment", endpoints.Assessment, token)));
        Programming = new ProgrammingService.ProgrammingServiceClient(
            programming.Intercept(new CallContext("programming", endpoints.Programming, token)));
    }

    public Endpoints Endpoints { get; }

    public IntakeService.IntakeServiceClient Intake { get; }

    public AssessmentService.AssessmentServiceClient Assessment { get; }

    public ProgrammingService.ProgrammingServiceClient Programming { get; }

    public static ServiceClients Connect(GlobalSettings settings) => Connect(settings, Credentials.Token(settings));

    public static ServiceClients Connect(GlobalSettings settings, string token) => new(Endpoints.From(settings), token);

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }

    /// <summary>Adds "authorization: Bearer …" to every call and wraps failures in <see cref="ServiceCallException"/>.</summary>
    private sealed class CallContext(string service, Uri address, string token) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
            ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            var headers = context.Options.Headers ?? [];
            headers.Add("authorization", "Bearer " + token);
            var call = continuation(request, new ClientInterceptorContext<TRequest, TResponse>(
                context.Method, context.Host, context.Options.WithHeaders(headers)));
            return new AsyncUnaryCall<TResponse>(Named(call.ResponseAsync, context.Method.Name), call.ResponseHeadersAsync,
                call.GetStatus, call.GetTrailers, call.Dispose);
        }

        private async Task<T> Named<T>(Task<T> response, string method)
        {
            try
            {
                return await response;
            }
            catch (RpcException ex)
            {
                throw new ServiceCallException(service, address, method, ex);
            }
        }
    }
}
