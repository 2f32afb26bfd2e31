using System.Text.RegularExpressions;
using RunRestore.Contracts;
using Xunit;

namespace RunRestore.ArchitectureTests;

/// <summary>Every clinic-facing event is documented in docs/asyncapi.yaml under the CloudEvents type it is routed by.</summary>
public sealed partial class ClinicContractTests
{
    [Fact]
    public void Every_clinic_event_is_documented_in_the_asyncapi_file_under_its_routing_key()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RunRestore.sln")))
        {
            root = root.Parent;
        }

        var asyncApi = File.ReadAllText(Path.Combine(root!.FullName, "docs", "asyncapi.yaml"));
        var clinicEvents = typeof(IClinicEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && typeof(IClinicEvent).IsAssignableFrom(t)).ToList();

        Assert.Equal(8, clinicEvents.Count);
        Assert.All(clinicEvents, t =>
        {
            // A contract of a service's namespace is that service's; the shared safety contracts name who publishes them.
            var area = t.Namespace!.Split('.')[^1].ToLowerInvariant();
            var services = area == "safety" ? SafetyPublishers[t.Name] : [area];
            foreach (var service in services)
            {
                var type = $"runrestore.{service}.{UpperCase().Replace(t.Name, "_$1").TrimStart('_').ToLowerInvariant()}";
                Assert.Contains($"name: {type}", asyncApi, StringComparison.Ordinal);
            }
        });
    }

    // DOMAIN.md R1-R6: intake raises red flags from pain reports, assessment from screens; programming clears them.
    private static readonly Dictionary<string, string[]> SafetyPublishers = new()
    {
        ["RedFlagRaised"] = ["intake", "assessment"],
        ["RedFlagCleared"] = ["programming"],
    };

    [GeneratedRegex("([A-Z])")]
    private static partial Regex UpperCase();
}
