using System.Reflection;
using NetArchTest.Rules;
using Xunit;

namespace RunRestore.ArchitectureTests;

/// <summary>Each service may use Protos, Contracts and ServiceDefaults, never another service's code.</summary>
public sealed class ServiceBoundaryTests
{
    private static readonly Dictionary<string, Assembly> Services = new()
    {
        ["RunRestore.Intake"] = typeof(Intake.IntakeModule).Assembly,
        ["RunRestore.Assessment"] = typeof(Assessment.AssessmentModule).Assembly,
        ["RunRestore.Programming"] = typeof(Programming.ProgrammingModule).Assembly,
    };

    public static TheoryData<string> ServiceNames => [.. Services.Keys];

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_does_not_depend_on_another_services_code(string service)
    {
        // Another service's generated gRPC API (RunRestore.<Other>.V1) lives in the Protos assembly and stays allowed:
        // that is how services call each other. Everything the other service's own assembly defines is off limits.
        var forbidden = Services.Where(s => s.Key != service)
            .SelectMany(s => s.Value.GetTypes().Select(t => t.FullName))
            .OfType<string>().Where(name => name.StartsWith("RunRestore.", StringComparison.Ordinal)).ToArray();

        var result = Types.InAssembly(Services[service]).Should().NotHaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{service} reaches into another service: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ServiceNames))]
    public void A_service_references_no_other_service_assembly(string service)
    {
        var referenced = Services[service].GetReferencedAssemblies().Select(a => a.Name).ToHashSet();

        Assert.DoesNotContain(referenced, name => Services.Keys.Any(s => s != service && s == name));
    }

    [Fact]
    public void Contracts_reference_nothing_but_the_base_library()
    {
        var referenced = typeof(Contracts.RunnerSexes).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(referenced, name => Assert.True(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard",
            $"Contracts reference {name}: integration events must not depend on packages"));
    }

    [Fact]
    public void Integration_events_are_sealed_records_in_a_namespace()
    {
        var events = typeof(Contracts.RunnerSexes).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethod("<Clone>$") is not null).ToList();

        Assert.NotEmpty(events);
        Assert.All(events, t =>
        {
            Assert.True(t.IsSealed, $"{t.Name} should be sealed");
            Assert.StartsWith("RunRestore.Contracts.", t.Namespace, StringComparison.Ordinal);
        });
    }
}
