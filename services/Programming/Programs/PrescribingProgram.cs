using Marten;
using MassTransit;
using RunRestore.Programming.Domain.Program;
using RunRestore.Programming.Domain.Program.Decisions;
using RunRestore.Programming.Planning;
using RunRestore.ServiceDefaults.Clients;
using RunRestore.ServiceDefaults.EventStore;
using RunRestore.ServiceDefaults.Messaging;
using Contract = RunRestore.Contracts.Assessment;

namespace RunRestore.Programming.Programs;

/// <summary>
/// A completed screen prescribes the first program or revises the current one (DOMAIN.md T1, T2, T6-T8), once per
/// message: the program's events and the processed MessageId are saved in one transaction.
/// </summary>
public sealed class PrescribingProgram(IDocumentStore store, HardRunCalendar calendar, TimeProvider time)
    : IConsumer<Contract.AssessmentCompleted>
{
    public Task Consume(ConsumeContext<Contract.AssessmentCompleted> context)
    {
        var m = context.Message;
        var clinic = context.Headers.Get<string>(EventForwarder.ClinicHeader) ?? "";
        return store.ConsumeOnceAsync(context, time, async session =>
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            HardRuns hardRuns;
            using (ServiceIdentity.ActFor(clinic))
            {
                hardRuns = await calendar.ForWeekAsync(m.RunnerId, monday, context.CancellationToken).ConfigureAwait(false);
            }

            var pain = await session.LoadAsync<IntakeSignalLog>(m.RunnerId, context.CancellationToken).ConfigureAwait(false);
            var screen = new ScreenSummary(m.AssessmentId, m.CompletedOn, m.FirstCompletedOn, m.IsReassessment,
                m.PainSite, m.Findings.Select(f => new ScreenFinding(f.Key, f.Kind, f.Region, f.Side, f.RuleId)).ToList(),
                pain?.WorstSince(today.AddDays(-14)));
            var stream = await session.Events.FetchForWriting<RunnerProgram>(m.RunnerId, context.CancellationToken)
                .ConfigureAwait(false);
            var events = ProgramStreams.Translate(() => ProgramDecisions.Prescribe(screen, stream.Aggregate, hardRuns.Dates, now));
            stream.AppendMany(events);
            if (stream.Aggregate is null && events.Count > 0 && events[0] is ProgramPrescribed prescribed && pain?.FlagsBeforeProgram is { Count: > 0 } flags)
            {
                // Load flags that arrived before the program (T5): apply the recent ones to the new program.
                var program = events.Skip(1).Aggregate(RunnerProgram.Create(prescribed), (p, e) => p.Then(e));
                foreach (var flag in flags.Where(f => f.AsOf >= today.AddDays(-7)))
                {
                    var reaction = ProgramDecisions.ReactToLoadFlag(flag.RuleId, flag.Kind, flag.Severity, program, now);
                    program = reaction.Aggregate(program, (p, e) => p.Then(e));
                    stream.AppendMany(reaction);
                }
            }
        });
    }
}
