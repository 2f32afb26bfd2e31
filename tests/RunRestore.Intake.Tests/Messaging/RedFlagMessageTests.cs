using JasperFx.Events;
using RunRestore.Contracts;
using RunRestore.Intake.Messaging;
using RunRestore.Intake.Pain;
using Xunit;
using static RunRestore.Intake.Tests.IntakeScenario;
using Contract = RunRestore.Contracts.Safety;

namespace RunRestore.Intake.Tests.Messaging;

/// <summary>A red flag from a pain report goes out as Contracts.Safety.RedFlagRaised, to services and to clinics.</summary>
public sealed class RedFlagMessageTests
{
    [Fact]
    public void A_red_flag_is_published_with_source_pain_report_the_report_as_trigger_and_the_contract_words()
    {
        var raised = new RedFlagRaised(Id(100), "R5", 2, "critical", "B", BodySite.Groin, Side.Left,
            ["groin_pain_with_running"], "R5: groin pain with running — …", "Stop …", Id(50), Today, Now);
        var domainEvent = new Event<RedFlagRaised>(raised) { StreamId = RunnerId };

        var message = Assert.IsType<Contract.RedFlagRaised>(new IntakeIntegrationEvents().ToIntegrationEvent(domainEvent));

        Assert.IsAssignableFrom<IClinicEvent>(message);
        Assert.Equal((RunnerId, Id(100), "R5", 2, "critical", "B", "groin", "left", "pain_report", Today),
            (message.RunnerId, message.RedFlagId, message.RuleId, message.RuleVersion, message.Severity, message.Evidence,
                message.BodySite, message.Side, message.Source, message.RaisedOn));
        Assert.Equal([Id(50)], message.TriggeringIds);
        Assert.Equal(["groin_pain_with_running"], message.Signs);
    }
}
