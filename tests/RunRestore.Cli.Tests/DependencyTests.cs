using System.Reflection;
using Xunit;

namespace RunRestore.Cli.Tests;

/// <summary>
/// Issue 11, item 6: the CLI mints development tokens and calls the gRPC APIs; it does not carry the services' hosting
/// (Marten, MassTransit, ASP.NET Core) to do it. Scopes and tokens come from the small RunRestore.Auth library.
/// </summary>
public sealed class DependencyTests
{
    private static readonly string[] Forbidden = ["RunRestore.ServiceDefaults", "Marten", "MassTransit", "Npgsql", "JasperFx"];

    [Fact]
    public void The_cli_and_the_runrestore_libraries_it_uses_reference_no_service_hosting()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(Cli.App.Credentials).Assembly]);
        var references = new List<string>();
        while (pending.TryPop(out var assembly))
        {
            if (!seen.Add(assembly.GetName().Name!))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                references.Add($"{assembly.GetName().Name} -> {reference.Name}");
                if (reference.Name!.StartsWith("RunRestore.", StringComparison.Ordinal))
                {
                    pending.Push(Assembly.Load(reference));
                }
            }
        }

        Assert.Contains("RunRestore.Auth", seen);
        Assert.DoesNotContain(references, r => Forbidden.Any(f => r.EndsWith("-> " + f, StringComparison.Ordinal)
            || r.Contains("-> " + f + ".", StringComparison.Ordinal)));
    }
}
