using Xunit;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>
/// The whole-case simulations (issue 13) share one set of services and one fake clock, and run one after another:
/// each case starts on the clock's current day with a runner of its own and lives through its weeks.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WholeCases : ICollectionFixture<CaseServices>
{
    public const string Name = "whole cases";
}
