using Marten;
using MassTransit;
using RunRestore.ServiceDefaults.Messaging;
using IntakeEvents = RunRestore.Contracts.Intake;

namespace RunRestore.Assessment.IntakePicture;

/// <summary>Keeps <see cref="RunnerIntakePicture"/> from intake's flag and pain events, each message once.</summary>
public sealed class IntakePictureConsumers(IDocumentStore store, TimeProvider time) :
    IConsumer<IntakeEvents.LoadFlagRaised>,
    IConsumer<IntakeEvents.LoadFlagCleared>,
    IConsumer<IntakeEvents.PainReported>,
    IConsumer<IntakeEvents.PainResolved>
{
    public Task Consume(ConsumeContext<IntakeEvents.LoadFlagRaised> context) => Update(context, context.Message.RunnerId, p =>
    {
        var m = context.Message;
        var flag = new Screening.LoadFlagSnapshot(m.RuleId, m.Kind, m.Severity, m.Evidence, m.Explanation, m.Numbers);
        return p with { OpenFlags = p.OpenFlags.SetItem($"{m.RuleId}:{m.Kind}", flag) };
    });

    public Task Consume(ConsumeContext<IntakeEvents.LoadFlagCleared> context) => Update(context, context.Message.RunnerId,
        p => p with { OpenFlags = p.OpenFlags.Remove($"{context.Message.RuleId}:{context.Message.Kind}") });

    public Task Consume(ConsumeContext<IntakeEvents.PainReported> context) => Update(context, context.Message.RunnerId, p =>
    {
        var m = context.Message;
        var copy = new PainReportCopy(m.PainReportId, m.Date, m.BodySite, m.Side, m.Severity, m.Phase, m.OnsetKm, m.OnsetMinutes);
        return p with { PainReports = p.PainReports.SetItem(m.PainReportId, copy) };
    });

    public Task Consume(ConsumeContext<IntakeEvents.PainResolved> context) => Update(context, context.Message.RunnerId,
        p => p with { ResolvedPain = p.ResolvedPain.Add(context.Message.PainReportId) });

    private Task<bool> Update<T>(ConsumeContext<T> context, Guid runnerId, Func<RunnerIntakePicture, RunnerIntakePicture> change)
        where T : class =>
        store.ConsumeOnceAsync(context, time, async session =>
        {
            var picture = await session.LoadAsync<RunnerIntakePicture>(runnerId, context.CancellationToken).ConfigureAwait(false)
                ?? RunnerIntakePicture.Empty(runnerId);
            session.Store(change(picture));
        });
}
