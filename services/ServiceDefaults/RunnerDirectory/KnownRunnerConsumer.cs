using Marten;
using MassTransit;
using RunRestore.Contracts.Intake;
using RunRestore.ServiceDefaults.Messaging;

namespace RunRestore.ServiceDefaults.RunnerDirectory;

/// <summary>Keeps the service's <see cref="KnownRunner"/> copy from intake's RunnerRegistered, once per message.</summary>
public sealed class KnownRunnerConsumer(IDocumentStore store, TimeProvider time) : IConsumer<RunnerRegistered>
{
    public Task Consume(ConsumeContext<RunnerRegistered> context) =>
        store.ConsumeOnceAsync(context, time, session =>
        {
            var m = context.Message;
            session.Store(new KnownRunner(m.RunnerId, m.DisplayName, m.BirthYear, m.Sex, m.RegisteredAt));
            return Task.CompletedTask;
        });
}
