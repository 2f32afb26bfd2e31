using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RunRestore.Auth;
using RunRestore.Intake.V1;
using RunRestore.IntegrationTests.Assessment;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.Testing;
using Xunit;

namespace RunRestore.IntegrationTests.Security;

public sealed class ServiceIdentityServices() : IntakeAndAssessment("service_identity");

/// <summary>
/// Issue 12, item 2: a service's calls outside a request use its own credentials (scope "service") and name the
/// clinic they act for in the "runrestore-clinic" metadata; no clinic token can act for another clinic that way.
/// </summary>
public sealed class ServiceIdentityTests(ServiceIdentityServices services) : IClassFixture<ServiceIdentityServices>
{
    private const string ClinicA = "clinic-svc-a";
    private const string ClinicB = "clinic-svc-b";

    private static Metadata ActFor(string clinic) => new() { { Scopes.ActForClinicHeader, clinic } };

    private IntakeService.IntakeServiceClient IntakeAs(string token) => new(services.Intake.Channel(token));

    private static string ServiceToken(params string[] scopes) =>
        DevelopmentTokens.CreateService(TestTokens.Options, "assessment", scopes, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task A_service_token_reads_for_the_clinic_the_call_names_and_no_other()
    {
        var runner = await services.RegisterAsync(ClinicA);
        var intake = IntakeAs(ServiceToken(Scopes.IntakeRead));

        var read = await intake.GetRunnerAsync(new() { RunnerId = runner }, ActFor(ClinicA));
        var other = await Assert.ThrowsAsync<RpcException>(() => intake.GetRunnerAsync(new() { RunnerId = runner }, ActFor(ClinicB)).ResponseAsync);

        Assert.Equal(runner, read.Runner.RunnerId);
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_service_token_that_names_no_clinic_is_unauthenticated()
    {
        var runner = await services.RegisterAsync(ClinicA);

        var missing = await Assert.ThrowsAsync<RpcException>(() =>
            IntakeAs(ServiceToken(Scopes.IntakeRead)).GetRunnerAsync(new() { RunnerId = runner }).ResponseAsync);
        var malformed = await Assert.ThrowsAsync<RpcException>(() =>
            IntakeAs(ServiceToken(Scopes.IntakeRead)).GetRunnerAsync(new() { RunnerId = runner }, ActFor("Clinic A!")).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, missing.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, malformed.StatusCode);
    }

    [Fact]
    public async Task A_service_token_still_needs_the_scope_of_the_call()
    {
        var runner = await services.RegisterAsync(ClinicA);

        var write = await Assert.ThrowsAsync<RpcException>(() => IntakeAs(ServiceToken(Scopes.IntakeRead))
            .ReportPainResolvedAsync(new() { RunnerId = runner, PainReportId = Guid.NewGuid().ToString(), Date = "2026-01-01" },
                ActFor(ClinicA)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, write.StatusCode);
    }

    [Fact]
    public async Task A_clinic_token_cannot_act_for_another_clinic_through_the_metadata()
    {
        var runner = await services.RegisterAsync(ClinicA);

        var viaHeader = await Assert.ThrowsAsync<RpcException>(() =>
            IntakeAs(TestTokens.For(ClinicB, Scopes.IntakeRead)).GetRunnerAsync(new() { RunnerId = runner }, ActFor(ClinicA)).ResponseAsync);
        // A clinic's token that also claims the service scope is no identity at all.
        var both = await Assert.ThrowsAsync<RpcException>(() =>
            IntakeAs(TestTokens.For(ClinicB, Scopes.IntakeRead, Scopes.Service)).GetRunnerAsync(new() { RunnerId = runner }, ActFor(ClinicA))
                .ResponseAsync);

        Assert.Equal(StatusCode.NotFound, viaHeader.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, both.StatusCode);
    }

    [Fact]
    public async Task In_production_the_service_gets_its_token_by_client_credentials_once_and_reuses_it()
    {
        var requests = new ConcurrentQueue<IFormCollection>();
        var builder = WebApplication.CreateSlimBuilder();
        // An OIDC authority speaks HTTP/1.1 (the services' own endpoints are h2c only).
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        await using var authority = builder.Build();
        authority.MapGet("/.well-known/openid-configuration", (HttpContext http) =>
            Results.Json(new { issuer = "test", token_endpoint = $"{http.Request.Scheme}://{http.Request.Host}/connect/token" }));
        authority.MapPost("/connect/token", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            requests.Enqueue(form);
            return form["client_secret"] == "s3cret"
                ? Results.Json(new { access_token = $"token-{requests.Count}", token_type = "Bearer", expires_in = 3600 })
                : Results.Json(new { error = "invalid_client" }, statusCode: 401);
        });
        await authority.StartAsync();
        var url = authority.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First(u => u.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));

        using var identity = Identity(new AuthOptions { Authority = url, ClientId = "assessment", ClientSecret = "s3cret" });
        var first = await identity.TokenAsync([Scopes.IntakeRead], CancellationToken.None);
        var second = await identity.TokenAsync([Scopes.IntakeRead], CancellationToken.None);
        using var wrongSecret = Identity(new AuthOptions { Authority = url, ClientId = "assessment", ClientSecret = "nope" });
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => wrongSecret.TokenAsync([Scopes.IntakeRead], CancellationToken.None));

        Assert.Equal("token-1", first);
        Assert.Equal(first, second);
        var form = requests.First();
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("assessment", form["client_id"]);
        Assert.Equal("service intake:read", form["scope"]);
        Assert.Equal(2, requests.Count); // one for the first identity, one refused
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private static ServiceIdentity Identity(AuthOptions options)
    {
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var host = new HostEnvironment { ApplicationName = "RunRestore.Assessment" };
        return new ServiceIdentity(Options.Create(options), host, http, TimeProvider.System);
    }

    private sealed class HostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "";
        public string ContentRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
