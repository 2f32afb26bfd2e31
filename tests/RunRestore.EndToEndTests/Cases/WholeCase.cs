using RunRestore.Contracts;
using RunRestore.Programming.V1;
using Xunit;

namespace RunRestore.EndToEndTests.Cases;

/// <summary>What every whole case checks at its end.</summary>
internal static class WholeCase
{
    /// <summary>Each history entry names a DOMAIN.md rule and the version of it the code implements.</summary>
    public static void EveryEntryNamesItsRule(IReadOnlyList<ProgramChange> history)
    {
        Assert.NotEmpty(history);
        Assert.All(history, c =>
        {
            Assert.True(RuleSet.All.ContainsKey(c.Why.RuleId), $"'{c.Type}' ({c.Summary}) names rule '{c.Why.RuleId}'");
            Assert.Equal(RuleSet.VersionOf(c.Why.RuleId), c.Why.RuleVersion);
        });
    }
}
