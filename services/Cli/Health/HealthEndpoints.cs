using RunRestore.Cli.App;

namespace RunRestore.Cli.Health;

/// <summary>
/// The three services' readiness URLs (GET /health/ready on their HTTP/1.1 port, not the gRPC one): option, else
/// environment variable, else the local default of deploy/run.sh. A base address gets /health/ready appended; an
/// address with a path is used as given.
/// </summary>
internal sealed record HealthEndpoints(Uri Intake, Uri Assessment, Uri Programming)
{
    public const string DefaultIntake = "http://127.0.0.1:5201";
    public const string DefaultAssessment = "http://127.0.0.1:5202";
    public const string DefaultProgramming = "http://127.0.0.1:5203";
    public const string ReadyPath = "/health/ready";

    public IEnumerable<(string Service, Uri Url)> All => [("intake", Intake), ("assessment", Assessment), ("programming", Programming)];

    public static HealthEndpoints From(string? intake, string? assessment, string? programming) => new(
        Ready(Endpoints.Resolve(intake, "RUNRESTORE_INTAKE_HEALTH", DefaultIntake, "--intake-health")),
        Ready(Endpoints.Resolve(assessment, "RUNRESTORE_ASSESSMENT_HEALTH", DefaultAssessment, "--assessment-health")),
        Ready(Endpoints.Resolve(programming, "RUNRESTORE_PROGRAMMING_HEALTH", DefaultProgramming, "--programming-health")));

    /// <summary>http://host:5201 → http://host:5201/health/ready; http://host/x/health/ready stays as it is.</summary>
    internal static Uri Ready(Uri address) =>
        address.AbsolutePath is "" or "/" ? new Uri(address, ReadyPath) : address;
}
