namespace RunRestore.Testing;

/// <summary>
/// Where one test class keeps its data on the shared servers: a PostgreSQL schema per service ("&lt;name&gt;_&lt;service&gt;")
/// and a RabbitMQ virtual host ("test-&lt;name&gt;"). Both are emptied when the class starts, so a re-run of the same class
/// finds nothing left by the last one; names are fixed per class so a failed run's data can be looked at afterwards.
/// </summary>
public sealed class TestClassStorage
{
    private TestClassStorage(TestInfrastructure infrastructure, string name, Uri rabbitUri)
    {
        Infrastructure = infrastructure;
        Name = name;
        RabbitUri = rabbitUri;
    }

    public TestInfrastructure Infrastructure { get; }

    public string Name { get; }

    /// <summary>The class's own virtual host, with the administrator's credentials.</summary>
    public Uri RabbitUri { get; }

    /// <summary>A fresh virtual host for <paramref name="name"/> and no schema left for any of <paramref name="services"/>.</summary>
    public static async Task<TestClassStorage> CreateAsync(string name, params string[] services)
    {
        var infrastructure = await TestInfrastructure.GetAsync();
        var rabbit = await infrastructure.CreateVirtualHostAsync($"test-{name}");
        var storage = new TestClassStorage(infrastructure, name, rabbit);
        await infrastructure.DropSchemasAsync([.. services.Select(s => storage.Of(s).Schema)]);
        return storage;
    }

    /// <summary>Where <paramref name="service"/> ("intake", "assessment", "programming") keeps its data for this class.</summary>
    public ServiceStorage Of(string service) => new(Infrastructure.PostgresConnectionString, $"{Name}_{service}", RabbitUri);
}
