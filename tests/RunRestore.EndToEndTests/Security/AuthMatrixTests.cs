using System.Text;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Grpc.Core;
using RunRestore.Auth;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Testing;
using Xunit;
using Xunit.Abstractions;

namespace RunRestore.EndToEndTests.Security;

public sealed class AuthMatrixServices() : ThreeServices("authmatrix")
{
    public const string ClinicA = "clinic-a";
    public const string ClinicB = "clinic-b";

    private readonly Dictionary<string, Task<ClinicWorld>> worlds = [];

    /// <summary>
    /// A runner of clinic A with a run, a pain report, assessments and a program; one per test (<paramref name="name"/>),
    /// since each test's controls change its runner (a resolved pain report cannot be resolved again).
    /// </summary>
    public Task<ClinicWorld> WorldAsync(string name)
    {
        lock (worlds)
        {
            return worlds.TryGetValue(name, out var world) ? world : worlds[name] = ClinicWorld.CreateAsync(this, ClinicA);
        }
    }
}

/// <summary>
/// Issue 12 item 5: every RPC of the three services, taken from the proto descriptors, against every way a token can
/// be wrong (UNAUTHENTICATED, or PERMISSION_DENIED for a missing scope) and against another clinic's ids (NOT_FOUND);
/// none of those calls stores anything. Each request is valid for clinic A (the control at the end proves it), so
/// a refusal comes from authentication or tenancy, not from input checks.
/// </summary>
public sealed class AuthMatrixTests(AuthMatrixServices services, ITestOutputHelper output) : IClassFixture<AuthMatrixServices>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>A token that is wrong in one way, and the status it must get.</summary>
    private sealed record BadToken(string Case, StatusCode Expected, Func<Rpc, string?> Token);

    private static readonly AuthOptions OtherKey = new()
    {
        SigningKey = "somebody-elses-signing-key-0123456789abcdef", Issuer = TestTokens.Options.Issuer, Audience = TestTokens.Options.Audience,
    };

    private static readonly IReadOnlyList<BadToken> BadTokens =
    [
        new("no token", StatusCode.Unauthenticated, _ => null),
        new("bad signature", StatusCode.Unauthenticated, _ => DevelopmentTokens.Create(OtherKey, AuthMatrixServices.ClinicA, Scopes.All)),
        new("unsigned (alg none)", StatusCode.Unauthenticated, _ => Unsigned(AuthMatrixServices.ClinicA)),
        new("expired", StatusCode.Unauthenticated, _ => DevelopmentTokens.Create(TestTokens.Options, AuthMatrixServices.ClinicA, Scopes.All,
            TimeSpan.FromHours(1), time: new At(DateTimeOffset.UtcNow.AddHours(-2)))),
        new("wrong audience", StatusCode.Unauthenticated, _ => DevelopmentTokens.Create(
            new AuthOptions { SigningKey = TestTokens.Options.SigningKey, Issuer = TestTokens.Options.Issuer, Audience = "someone-else" },
            AuthMatrixServices.ClinicA, Scopes.All)),
        new("wrong issuer", StatusCode.Unauthenticated, _ => DevelopmentTokens.Create(
            new AuthOptions { SigningKey = TestTokens.Options.SigningKey, Issuer = "someone-else", Audience = TestTokens.Options.Audience },
            AuthMatrixServices.ClinicA, Scopes.All)),
        new("blank clinic claim", StatusCode.Unauthenticated, _ => TestTokens.For(" ", [.. Scopes.All])),
        new("missing scope", StatusCode.PermissionDenied, rpc => TestTokens.For(AuthMatrixServices.ClinicA,
            [.. Scopes.All.Where(s => s != rpc.RequiredScope)])),
    ];

    [Fact]
    public void Every_rpc_of_the_three_protos_is_in_the_matrix_and_requires_a_scope()
    {
        Assert.Equal(ServiceUnderTest.All.Sum(s => s.Descriptor.Methods.Count), Rpc.All.Count);
        Assert.True(Rpc.All.Count >= 31, $"only {Rpc.All.Count} RPCs found in the descriptors");
        var unscoped = Rpc.All.Where(r => r.RequiredScope is null).Select(r => r.Name).ToList();
        Assert.True(unscoped.Count == 0, "RPCs without [Authorize(scope)] on their implementation: " + string.Join(", ", unscoped));
    }

    [Fact]
    public async Task Every_rpc_refuses_every_bad_token_and_stores_nothing()
    {
        var world = await services.WorldAsync("bad tokens");
        await StoredEvents.QuietAsync(services);
        var failures = new List<string>();
        var stored = await StoredEvents.AllAsync(services);
        var calls = 0;

        foreach (var bad in BadTokens)
        {
            foreach (var rpc in Rpc.All)
            {
                if (rpc.RequiredScope is null)
                {
                    failures.Add($"{rpc.Name}: no scope to leave out");
                    continue;
                }

                using var channel = rpc.Service.Channel(services, bad.Token(rpc));
                var outcome = await rpc.CallAsync(channel, world.Valid(rpc.Method.InputType), Deadline);
                calls++;
                if (outcome.Status != bad.Expected)
                {
                    failures.Add($"{rpc.Name} with {bad.Case}: expected {bad.Expected}, got {outcome}");
                }

                var now = await StoredEvents.AllAsync(services);
                if (now != stored)
                {
                    failures.Add($"{rpc.Name} with {bad.Case}: {now - stored} event(s) stored");
                    stored = now;
                }
            }
        }

        // Control: the same requests with a token holding exactly the RPC's scope for clinic A get past authorization,
        // so the refusals above were about the token and nothing else; and the writes among them are seen stored.
        foreach (var rpc in Rpc.All.Where(r => r.RequiredScope is not null))
        {
            using var channel = rpc.Service.Channel(services, TestTokens.For(world.Clinic, rpc.RequiredScope!));
            var outcome = await rpc.CallAsync(channel, world.Valid(rpc.Method.InputType), Deadline);
            output.WriteLine($"control {rpc.Name} with only {rpc.RequiredScope}: {outcome}");
            if (outcome.Status is StatusCode.Unauthenticated or StatusCode.PermissionDenied)
            {
                failures.Add($"{rpc.Name} with only {rpc.RequiredScope}: refused ({outcome})");
            }
        }

        Assert.True(await StoredEvents.AllAsync(services) > stored, "the controls' writes were not counted: the stored-events check is blind");

        output.WriteLine($"{Rpc.All.Count} RPCs x {BadTokens.Count} bad tokens = {calls} calls; {failures.Count} failure(s)");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_rpc_naming_another_clinics_ids_is_not_found_and_changes_nothing()
    {
        var world = await services.WorldAsync("another clinic");
        await StoredEvents.QuietAsync(services);
        var failures = new List<string>();
        var stored = await StoredEvents.AllAsync(services);
        var crossed = Rpc.All.Where(r => NamesAnId(r.Method.InputType)).ToList();
        var idless = Rpc.All.Except(crossed).Select(r => r.Name).ToList();
        output.WriteLine($"{crossed.Count} RPCs name an id; without one (nothing of another clinic to name): {string.Join(", ", idless)}");

        foreach (var rpc in crossed)
        {
            using var clinicB = rpc.Service.Channel(services, TestTokens.AllScopes(AuthMatrixServices.ClinicB));
            var outcome = await rpc.CallAsync(clinicB, world.Valid(rpc.Method.InputType), Deadline);
            if (outcome.Status != StatusCode.NotFound)
            {
                failures.Add($"{rpc.Name} from clinic B with clinic A's ids: expected NotFound, got {outcome}"
                    + (outcome.Response is { } leaked ? $": {RpcOutcome.Cut(leaked.ToString() ?? "", 300)}" : ""));
            }

            var now = await StoredEvents.AllAsync(services);
            if (now != stored)
            {
                failures.Add($"{rpc.Name} from clinic B: {now - stored} event(s) stored");
                stored = now;
            }
        }

        // Control: the very same requests from clinic A find what they name (OK, or FAILED_PRECONDITION where the state
        // refuses a repeat, e.g. completing a completed assessment): clinic B's NOT_FOUND came from tenancy.
        foreach (var rpc in crossed)
        {
            using var clinicA = rpc.Service.Channel(services, TestTokens.AllScopes(world.Clinic));
            var outcome = await rpc.CallAsync(clinicA, world.Valid(rpc.Method.InputType), Deadline);
            output.WriteLine($"control {rpc.Name} from clinic A: {outcome}");
            if (outcome.Status is not (StatusCode.OK or StatusCode.FailedPrecondition or StatusCode.AlreadyExists))
            {
                failures.Add($"{rpc.Name} from clinic A itself: {outcome} (the matrix's request is not valid: see ClinicWorld.Valid)");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Whether the request, or a message inside it, has a string field named like an id.</summary>
    private static bool NamesAnId(MessageDescriptor descriptor, int depth = 0) =>
        depth < 5 && descriptor.Fields.InFieldNumberOrder().Any(f =>
            (f.FieldType == FieldType.String && f.Name.EndsWith("_id", StringComparison.Ordinal))
            || (f.FieldType == FieldType.Message && NamesAnId(f.MessageType, depth + 1)));

    /// <summary>A JWT with "alg": "none" and no signature, otherwise a perfect token for <paramref name="clinic"/>.</summary>
    private static string Unsigned(string clinic)
    {
        static string Part(object value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Part(new { alg = "none", typ = "JWT" }) + "." + Part(new Dictionary<string, object>
        {
            ["iss"] = TestTokens.Options.Issuer, ["aud"] = TestTokens.Options.Audience, ["sub"] = "mallory",
            ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600, [Scopes.ClinicClaim] = clinic,
            [Scopes.ScopeClaim] = string.Join(' ', Scopes.All),
        }) + ".";
    }

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
