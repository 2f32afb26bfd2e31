using System.Globalization;
using CsCheck;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using Xunit;
using Xunit.Abstractions;
using AssessmentApi = RunRestore.Assessment.V1;

namespace RunRestore.EndToEndTests.Security;

/// <summary>
/// The three services for the fuzzers, with one clinic world per service (so a consumer storing one clinic's events
/// never moves the count the fuzzer of another service watches) and the codes the catalogues know.
/// </summary>
public sealed class RequestFuzzServices() : ThreeServices("requestfuzz")
{
    private readonly Lock gate = new();
    private Task<Worlds>? created;

    public sealed record Worlds(IReadOnlyDictionary<string, ClinicWorld> ByService, IReadOnlyList<string> ForeignIds, IReadOnlyList<string> KnownCodes);

    public Task<Worlds> WorldsAsync()
    {
        lock (gate)
        {
            return created ??= CreateAsync();
        }
    }

    private async Task<Worlds> CreateAsync()
    {
        var worlds = await Task.WhenAll(ServiceUnderTest.All.Select(s => ClinicWorld.CreateAsync(this, ClinicOf(s))));
        var foreign = await ClinicWorld.CreateAsync(this, "fuzz-elsewhere");
        var token = TestTokens.AllScopes("fuzz-elsewhere");
        var catalogue = await new AssessmentApi.AssessmentService.AssessmentServiceClient(Assessment.Channel(token)).GetTestCatalogueAsync(new());
        var library = await new ProgrammingService.ProgrammingServiceClient(Programming.Channel(token)).GetExerciseLibraryAsync(new());
        await StoredEvents.QuietAsync(this);
        return new Worlds(
            ServiceUnderTest.All.Zip(worlds).ToDictionary(p => p.First.Name, p => p.Second),
            foreign.Ids,
            [.. catalogue.Tests.Select(t => t.Code), .. catalogue.Tests.SelectMany(t => t.Units), .. library.Exercises.Select(e => e.Code)]);
    }

    public static string ClinicOf(ServiceUnderTest service) => $"fuzz-{service.Name}";
}

/// <summary>
/// Issue 12 item 5: property-based fuzzing (CsCheck) of every write RPC, taken from the proto descriptors (an RPC whose
/// [Authorize] scope is a write scope). Whatever the request, the answer is OK or a documented refusal
/// (INVALID_ARGUMENT with BadRequest field violations, FAILED_PRECONDITION, NOT_FOUND, ALREADY_EXISTS,
/// RESOURCE_EXHAUSTED; ABORTED only for a stale expected_version), never INTERNAL, UNKNOWN, UNAVAILABLE or a hang
/// (10 s deadline), with a capped message; and a refused request stores no event. A failure prints CsCheck's seed:
/// rerun with CsCheck_Seed=&lt;seed&gt;. RR_FUZZ_ITER sets the samples per RPC (default 100).
/// </summary>
public sealed class RequestFuzzTests(RequestFuzzServices services, ITestOutputHelper output) : IClassFixture<RequestFuzzServices>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("RR_FUZZ_ITER"), NumberStyles.None,
        CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 100;

    private static readonly HashSet<StatusCode> Documented =
    [
        StatusCode.OK, StatusCode.InvalidArgument, StatusCode.FailedPrecondition, StatusCode.NotFound, StatusCode.AlreadyExists,
        StatusCode.ResourceExhausted,
    ];

    public static TheoryData<string> WriteRpcs() => [.. Rpc.Writes.Select(r => r.Name)];

    [Fact]
    public void Every_service_has_write_rpcs_to_fuzz() =>
        Assert.All(ServiceUnderTest.All, s => Assert.Contains(Rpc.Writes, r => r.Service == s));

    [Theory]
    [MemberData(nameof(WriteRpcs))]
    public async Task Any_request_gets_ok_or_a_documented_refusal_in_time_and_a_refusal_stores_nothing(string rpcName)
    {
        var rpc = Rpc.Named(rpcName);
        var worlds = await services.WorldsAsync();
        var world = worlds.ByService[rpc.Service.Name];
        var requests = new RequestGen(world, worlds.ForeignIds, worlds.KnownCodes).For(rpc.Method.InputType);
        using var channel = rpc.Service.Channel(services, TestTokens.AllScopes(world.Clinic));
        var seen = new Dictionary<StatusCode, int>();

        await requests.SampleAsync(async request =>
        {
            var before = await StoredEvents.OfClinicAsync(services, rpc.Service, world.Clinic);
            var outcome = await rpc.CallAsync(channel, request, Deadline);
            seen[outcome.Status] = seen.GetValueOrDefault(outcome.Status) + 1;
            var problem = Problem(outcome, request);
            if (problem is null && outcome.Status != StatusCode.OK)
            {
                var stored = await StoredEvents.OfClinicAsync(services, rpc.Service, world.Clinic) - before;
                problem = stored == 0 ? null : $"refused ({outcome}) yet stored {stored} event(s)";
            }

            if (problem is not null)
            {
                throw new InvalidOperationException($"{rpc.Name}: {problem}");
            }
        }, iter: Iterations, threads: 1, print: Print);

        output.WriteLine($"{rpc.Name}: {Iterations} samples: " + string.Join(", ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Value}")));
        // The generator reaches past the input checks (OK, or a state refusal of a valid request) and past them it is refused.
        Assert.True(seen.GetValueOrDefault(StatusCode.OK) + seen.GetValueOrDefault(StatusCode.FailedPrecondition) > 0,
            $"{rpc.Name}: no sample passed the input checks");
        Assert.True(seen.Where(s => s.Key != StatusCode.OK).Sum(s => s.Value) > 0, $"{rpc.Name}: no sample was refused");
    }

    /// <summary>What is wrong with the outcome, or null.</summary>
    private static string? Problem(RpcOutcome outcome, IMessage request)
    {
        var staleVersion = outcome.Status == StatusCode.Aborted
            && request.Descriptor.FindFieldByName("expected_version") is { } version && version.Accessor.HasValue(request);
        if (!Documented.Contains(outcome.Status) && !staleVersion)
        {
            return $"undocumented status: {outcome}";
        }

        if (outcome.Error is not { } error)
        {
            return null;
        }

        if (error.Status.Detail.Length > 2100)
        {
            return $"a {error.Status.Detail.Length}-character message: {outcome}";
        }

        if (outcome.Status == StatusCode.InvalidArgument && error.GetRpcStatus()?.GetDetail<BadRequest>() is not { FieldViolations.Count: > 0 })
        {
            return $"INVALID_ARGUMENT without BadRequest field violations: {outcome}";
        }

        return null;
    }

    private static string Print(IMessage request)
    {
        try
        {
            return RpcOutcome.Cut(JsonFormatter.Default.Format(request), 2000);
        }
#pragma warning disable CA1031 // printing a sample must never hide the failure
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{request.Descriptor.Name} (not printable: {ex.Message})";
        }
    }
}
