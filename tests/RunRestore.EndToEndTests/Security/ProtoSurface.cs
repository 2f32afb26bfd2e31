using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using RunRestore.Assessment.Grpc;
using RunRestore.Auth;
using RunRestore.Intake.Grpc;
using RunRestore.Intake.V1;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Programming.Grpc;
using RunRestore.Programming.V1;
using AssessmentApi = RunRestore.Assessment.V1;

namespace RunRestore.EndToEndTests.Security;

/// <summary>
/// One RunRestore gRPC service as its generated proto descriptor describes it, with the class that implements it. The
/// security matrix and the fuzzers take their RPCs from <see cref="ServiceDescriptor.Methods"/>, so an RPC added to a
/// .proto file is covered without touching the tests.
/// </summary>
public sealed record ServiceUnderTest(string Name, ServiceDescriptor Descriptor, Type Implementation)
{
    public static readonly IReadOnlyList<ServiceUnderTest> All =
    [
        new("intake", IntakeService.Descriptor, typeof(IntakeGrpcService)),
        new("assessment", AssessmentApi.AssessmentService.Descriptor, typeof(AssessmentGrpcService)),
        new("programming", ProgrammingService.Descriptor, typeof(ProgrammingGrpcService)),
    ];

    public GrpcChannel Channel(ThreeServices services, string? token) => Name switch
    {
        "intake" => services.Intake.Channel(token),
        "assessment" => services.Assessment.Channel(token),
        "programming" => services.Programming.Channel(token),
        _ => throw new InvalidOperationException(Name),
    };

    /// <summary>The PostgreSQL schema holding this service's Marten events in <paramref name="services"/>.</summary>
    public string Schema(ThreeServices services) => services.Storage.Of(Name).Schema;

    public override string ToString() => Name;
}

/// <summary>One RPC of <see cref="ServiceUnderTest.All"/>, callable with any request message (no generated client).</summary>
public sealed record Rpc(ServiceUnderTest Service, MethodDescriptor Method)
{
    public static IReadOnlyList<Rpc> All { get; } =
        [.. ServiceUnderTest.All.SelectMany(s => s.Descriptor.Methods.Select(m => new Rpc(s, m)))];

    /// <summary>Every RPC whose required scope is a write scope.</summary>
    public static IReadOnlyList<Rpc> Writes { get; } = [.. All.Where(r => r.IsWrite)];

    public static Rpc Named(string name) => All.Single(r => r.Name == name);

    public string Name => $"{Service.Descriptor.Name}.{Method.Name}";

    /// <summary>
    /// The scope named by the implementing method's [Authorize(policy)], or null when it has none (an RPC without a
    /// scope is itself a finding of the matrix).
    /// </summary>
    public string? RequiredScope =>
        Service.Implementation.GetMethod(Method.Name, BindingFlags.Public | BindingFlags.Instance,
                [Method.InputType.ClrType, typeof(ServerCallContext)])?
            .GetCustomAttributes<AuthorizeAttribute>(inherit: true)
            .Select(a => a.Policy).SingleOrDefault(p => p is not null && Scopes.All.Contains(p));

    public bool IsWrite => RequiredScope?.EndsWith(":write", StringComparison.Ordinal) == true;

    /// <summary>Calls the RPC and returns its status (OK with the response, or the error), never throwing an RpcException.</summary>
    public async Task<RpcOutcome> CallAsync(GrpcChannel channel, IMessage request, TimeSpan deadline)
    {
        if (Method.IsClientStreaming || Method.IsServerStreaming)
        {
            throw new NotSupportedException($"{Name} streams: the security tests call unary RPCs only; extend Rpc.CallAsync.");
        }

        var method = new Method<IMessage, IMessage>(MethodType.Unary, Service.Descriptor.FullName, Method.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), Method.InputType.Parser.ParseFrom),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), Method.OutputType.Parser.ParseFrom));
        var started = DateTime.UtcNow;
        try
        {
            var response = await channel.CreateCallInvoker()
                .AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow + deadline), request).ResponseAsync;
            return new RpcOutcome(StatusCode.OK, response, null, DateTime.UtcNow - started);
        }
        catch (RpcException ex)
        {
            return new RpcOutcome(ex.StatusCode, null, ex, DateTime.UtcNow - started);
        }
    }

    public override string ToString() => Name;
}

public sealed record RpcOutcome(StatusCode Status, IMessage? Response, RpcException? Error, TimeSpan Took)
{
    public override string ToString() =>
        Error is null ? $"OK in {Took.TotalMilliseconds:0} ms" : $"{Status} \"{Cut(Error.Status.Detail, 300)}\" in {Took.TotalMilliseconds:0} ms";

    internal static string Cut(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}

/// <summary>Counts stored events straight from the services' Marten tables.</summary>
public static class StoredEvents
{
    /// <summary>Events in all three services' schemas, of every clinic.</summary>
    public static Task<long> AllAsync(ThreeServices services) =>
        CountAsync(services, string.Join(" + ", ServiceUnderTest.All.Select(s => $"(select count(*) from {s.Schema(services)}.mt_events)")), null);

    /// <summary>Events of <paramref name="clinic"/> in one service's schema.</summary>
    public static Task<long> OfClinicAsync(ThreeServices services, ServiceUnderTest service, string clinic) =>
        CountAsync(services, $"(select count(*) from {service.Schema(services)}.mt_events where tenant_id = @clinic)", clinic);

    private static async Task<long> CountAsync(ThreeServices services, string expression, string? clinic)
    {
        await using var connection = new NpgsqlConnection(services.Infrastructure.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select {expression}", connection);
        if (clinic is not null)
        {
            command.Parameters.AddWithValue("clinic", clinic);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until no service stores anything for a while: the consumers have caught up with what was written.</summary>
    public static async Task QuietAsync(ThreeServices services, TimeSpan? quietFor = null, TimeSpan? timeout = null)
    {
        var quiet = quietFor ?? TimeSpan.FromSeconds(2);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var last = await AllAsync(services);
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < quiet)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The services kept storing events: the pipeline never went quiet.");
            }

            await Task.Delay(250);
            var now = await AllAsync(services);
            if (now != last)
            {
                (last, since) = (now, DateTime.UtcNow);
            }
        }
    }
}
