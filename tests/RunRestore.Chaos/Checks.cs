using RunRestore.Assessment.V1;

namespace RunRestore.Chaos;

/// <summary>What one pass of the checks found beyond what it wrote into the commands themselves.</summary>
internal sealed class Findings
{
    /// <summary>Missing effects of stored events no acknowledged command owns (load flags, writes whose answer was lost).</summary>
    public List<string> UnownedMissing { get; } = [];
    public List<string> UnownedDuplicates { get; } = [];
    public int CloudEventsExpected { get; set; }
    public int CloudEventsArrived { get; set; }
    public int CloudEventsMissing { get; set; }
    public int RedeliveredIds { get; set; }
    public int Redeliveries { get; set; }
    /// <summary>CloudEvents whose id no service stored: an event published that was never committed.</summary>
    public int UnknownCloudEvents { get; set; }
    public int EffectsChecked { get; set; }

    public int Lost { get; set; }
    public int DuplicateEffects { get; set; }
    public int NeverDelivered { get; set; }
    /// <summary>Nothing is missing any more (duplicates never go away by waiting).</summary>
    public bool Settled => Lost == 0 && NeverDelivered == 0;
}

/// <summary>
/// The checks, from what the services stored (<see cref="Facts"/>), what their reads show (<see cref="ApiView"/>) and
/// what the clinic received (<see cref="ClinicEventTap"/>):
/// (1) every acknowledged write is visible where it was written (intake's GetRunner, ListActivities, GetRunnerTimeline;
///     assessment's GetAssessment; programming's stream) — else lost; and no write is stored twice (its tag or its
///     one-of-a-kind day / combination appears once) — else a duplicate effect;
/// (2) every event intake stored has its effect exactly once downstream: the runner in assessment's and programming's
///     runner directory, each pain report once in assessment's picture, each running-pain (during- or after-run) report once in programming's
///     log, each next-morning report once in the program's stream, each consumed message processed (load flags
///     included), each completed screen prescribed exactly once;
/// (3) every clinic-facing event that a service stored arrived as a CloudEvent with its event id (redeliveries with
///     the same id are counted, not failures).
/// A missing effect is charged to the acknowledged command that caused it (never delivered), else listed as unowned.
/// </summary>
internal static class Checks
{
    private static readonly HashSet<string> ProgrammingClinicEvents =
    [
        "program_prescribed", "program_revised", "phase_advanced", "phase_overridden", "clinician_alert_raised", "exercise_progressed",
        "exercise_regressed", "exercise_held", "progressions_held", "running_volume_advised", "next_session_regression_planned", "pain_ceiling_set",
    ];

    public static Findings Evaluate(IReadOnlyCollection<Command> commands, Facts facts, ApiView view, ClinicEventTap tap)
    {
        var f = new Findings();
        foreach (var c in commands)
        {
            (c.Lost, c.DuplicateEffects) = (false, 0);
            c.NeverDelivered.Clear();
            c.Duplicates.Clear();
        }

        var byTag = commands.ToDictionary(c => c.Tag);
        var stored = new StoredIndex(facts);
        foreach (var c in commands)
        {
            OwnService(c, stored, view);
        }

        Downstream(f, facts, stored, byTag, commands);
        CloudEvents(f, facts, byTag, commands, tap);
        f.Lost = commands.Count(c => c.Lost);
        f.DuplicateEffects = commands.Sum(c => c.DuplicateEffects) + f.UnownedDuplicates.Count;
        f.NeverDelivered = commands.Count(c => c.NeverDelivered.Count > 0) + f.UnownedMissing.Count;
        return f;
    }

    // (1) The write itself: visible through the reads (if acknowledged), and stored once (whether acknowledged or not).
    private static void OwnService(Command c, StoredIndex s, ApiView view)
    {
        var clinic = c.Clinic.Id;
        var runner = c.Runner?.Id ?? "";
        var copies = c.Kind switch
        {
            CommandKind.RegisterRunner => s.Tagged("runner_registered", clinic, c.Tag),
            CommandKind.LogRun => s.Tagged("run_logged", clinic, c.Tag),
            CommandKind.ReportPain => s.Tagged("pain_reported", clinic, c.Tag),
            CommandKind.LogGymSession => s.Tagged("gym_session_logged", clinic, c.Tag),
            CommandKind.ScheduleCompetition => s.Tagged("competition_scheduled", clinic, c.Tag),
            CommandKind.StartAssessment => s.Tagged("assessment_started", clinic, c.Tag),
            CommandKind.RecordTestResult => s.Tagged("test_result_recorded", clinic, c.Tag),
            CommandKind.ReportWellness => s.WellnessDays.GetValueOrDefault((clinic, runner, c.Date ?? "")),
            CommandKind.RecordNextMorningPain => s.Mornings.GetValueOrDefault((clinic, runner, c.Date ?? "", c.Severity ?? -1)),
            _ => 0,
        };
        c.StoredCopies = copies;
        if (copies > 1)
        {
            c.DuplicateEffects += copies - 1;
            c.Duplicates.Add($"{c.Kind} stored {copies} times");
        }

        if (!c.Acknowledged)
        {
            return;
        }

        var assessment = c.AssessmentId is { } a ? view.Assessments.GetValueOrDefault(a) : null;
        c.Lost = !(c.Kind switch
        {
            CommandKind.RegisterRunner => view.RunnerFound.GetValueOrDefault(c.EntityId ?? ""),
            CommandKind.LogRun or CommandKind.ScheduleCompetition => view.Activities.TryGetValue(runner, out var ids) && ids.Contains(c.EntityId ?? ""),
            CommandKind.ReportPain or CommandKind.LogGymSession or CommandKind.ReportWellness =>
                s.ByEntity.TryGetValue((clinic, c.EntityId ?? ""), out var e) && view.Timeline.TryGetValue(runner, out var events)
                && events.Contains(e.Id.ToString()),
            CommandKind.StartAssessment => assessment is not null,
            CommandKind.RecordTestResult => assessment?.Results.Any(r => r.ResultId == c.EntityId) == true,
            CommandKind.CompleteAssessment => assessment?.Status == AssessmentStatus.Completed,
            CommandKind.RecordNextMorningPain => copies > 0,
            _ => true,
        });
    }

    // (2) What intake's events must have caused in assessment and programming, exactly once.
    private static void Downstream(Findings f, Facts facts, StoredIndex s, Dictionary<string, Command> byTag, IReadOnlyCollection<Command> commands)
    {
        var running = new Dictionary<(string, Guid, string, int), List<Command?>>();
        var mornings = new Dictionary<(string, Guid, string, int), List<Command?>>();
        var withProgram = facts.Programming.Where(e => e.Type == "program_prescribed").Select(e => (e.Clinic, e.StreamId)).ToHashSet();
        foreach (var e in facts.Intake)
        {
            var key = (e.Clinic, e.StreamId);
            switch (e.Type)
            {
                case "runner_registered":
                    var registered = Owner(byTag, e.Text("DisplayName"));
                    Expect(f, registered, facts.AssessmentRunners.Contains(key), $"runner {e.StreamId} unknown to assessment");
                    Expect(f, registered, facts.ProgrammingRunners.Contains(key), $"runner {e.StreamId} unknown to programming");
                    break;
                case "pain_reported":
                    var owner = Owner(byTag, e.Text("Notes"));
                    var id = Guid.Parse(e.Text("PainReportId")!);
                    var copies = facts.AssessmentPain.GetValueOrDefault((e.Clinic, id));
                    Expect(f, owner, copies > 0, $"pain report {id} not in assessment's picture");
                    Duplicate(f, owner, copies - 1, $"pain report {id} {copies} times in assessment's picture");
                    Expect(f, owner, facts.AssessmentProcessed.Contains((e.Clinic, e.Id)), $"PainReported {e.Id} not processed by assessment");
                    Expect(f, owner, facts.ProgrammingProcessed.Contains((e.Clinic, e.Id)), $"PainReported {e.Id} not processed by programming");
                    var effect = (e.Clinic, e.StreamId, e.Text("Date")!, int.Parse(e.Text("Severity")!, System.Globalization.CultureInfo.InvariantCulture));
                    var phase = e.Text("Phase");
                    if (phase is "1" or "DuringRun" or "2" or "AfterRun")
                    {
                        Add(running, effect, owner);
                    }
                    else if (phase is "3" or "NextMorning" && withProgram.Contains(key))
                    {
                        Add(mornings, effect, owner);
                    }

                    break;
                case "load_flag_raised":
                    Expect(f, null, facts.AssessmentProcessed.Contains((e.Clinic, e.Id)), $"LoadFlagRaised {e.Id} not processed by assessment");
                    Expect(f, null, facts.ProgrammingProcessed.Contains((e.Clinic, e.Id)), $"LoadFlagRaised {e.Id} not processed by programming");
                    break;
                case "load_flag_cleared" or "pain_resolved":
                    Expect(f, null, facts.AssessmentProcessed.Contains((e.Clinic, e.Id)), $"{e.Type} {e.Id} not processed by assessment");
                    break;
            }
        }

        ExactlyOnce(f, running, facts.ProgrammingRunningPain, "running-pain entry in programming's log");
        // Programming's next-morning records dated today came through intake; those dated tomorrow are direct writes (1).
        var today = Writes.Iso(Writes.Today);
        ExactlyOnce(f, mornings, s.Mornings.Where(m => m.Key.Item3 == today)
            .ToDictionary(m => (m.Key.Item1, Guid.Parse(m.Key.Item2), m.Key.Item3, m.Key.Item4), m => m.Value), "next-morning record in the program");

        foreach (var e in facts.Assessment.Where(e => e.Type == "assessment_completed"))
        {
            var owner = commands.FirstOrDefault(c => c.Kind == CommandKind.CompleteAssessment && c.AssessmentId == e.StreamId.ToString());
            var programs = facts.Programming.Count(p => p.Type is "program_prescribed" or "program_revised" && p.Text("AssessmentId") == e.StreamId.ToString());
            Expect(f, owner, programs > 0, $"screen {e.StreamId} never reached the program");
            Duplicate(f, owner, programs - 1, $"screen {e.StreamId} prescribed {programs} times");
            Expect(f, owner, facts.ProgrammingProcessed.Contains((e.Clinic, e.Id)), $"AssessmentCompleted {e.Id} not processed by programming");
        }

        f.EffectsChecked = facts.Intake.Count + facts.Assessment.Count;
    }

    // (3) Every clinic-facing event stored by a service arrived at the clinic's queue, under its own id.
    private static void CloudEvents(Findings f, Facts facts, Dictionary<string, Command> byTag, IReadOnlyCollection<Command> commands, ClinicEventTap tap)
    {
        var completes = commands.Where(c => c.Kind == CommandKind.CompleteAssessment && c.AssessmentId is not null)
            .GroupBy(c => c.AssessmentId!).ToDictionary(g => g.Key, g => g.First());
        var expected = facts.Intake.Where(e => e.Type == "pain_reported").Select(e => (e, Owner(byTag, e.Text("Notes"))))
            .Concat(facts.Assessment.Where(e => e.Type == "assessment_completed").Select(e => (e, completes.GetValueOrDefault(e.StreamId.ToString()))))
            .Concat(facts.Programming.Where(e => ProgrammingClinicEvents.Contains(e.Type))
                .Select(e => (e, e.Type == "program_prescribed" ? completes.GetValueOrDefault(e.Text("AssessmentId") ?? "") : null)))
            .ToList();
        var arrivals = tap.Arrivals;
        foreach (var (e, owner) in expected)
        {
            Expect(f, owner, arrivals.ContainsKey(e.Id.ToString()), $"CloudEvent {e.Type} {e.Id} never arrived");
        }

        var ids = expected.Select(x => x.e.Id.ToString()).ToHashSet();
        f.CloudEventsExpected = expected.Count;
        f.CloudEventsArrived = arrivals.Count;
        f.CloudEventsMissing = expected.Count(x => !arrivals.ContainsKey(x.e.Id.ToString()));
        f.RedeliveredIds = arrivals.Values.Count(a => a.Deliveries > 1);
        f.Redeliveries = arrivals.Values.Sum(a => a.Deliveries - 1);
        f.UnknownCloudEvents = arrivals.Keys.Count(id => !ids.Contains(id));
    }

    private static void ExactlyOnce(Findings f, Dictionary<(string, Guid, string, int), List<Command?>> expected,
        Dictionary<(string, Guid, string, int), int> actual, string what)
    {
        foreach (var key in expected.Keys.Union(actual.Keys))
        {
            var owners = expected.GetValueOrDefault(key) ?? [];
            var count = actual.GetValueOrDefault(key);
            var owner = owners.FirstOrDefault(o => o is not null);
            var label = $"{what} (runner {key.Item2}, {key.Item3}, {key.Item4}/10)";
            Expect(f, owner, count >= owners.Count, $"{label}: {count} of {owners.Count}");
            Duplicate(f, owner, count - owners.Count, $"{label}: {count} for {owners.Count} report(s)");
        }
    }

    private static void Add(Dictionary<(string, Guid, string, int), List<Command?>> into, (string, Guid, string, int) key, Command? owner)
    {
        if (!into.TryGetValue(key, out var list))
        {
            into[key] = list = [];
        }

        list.Add(owner);
    }

    private static Command? Owner(Dictionary<string, Command> byTag, string? tag) => tag is not null ? byTag.GetValueOrDefault(tag) : null;

    private static void Expect(Findings f, Command? owner, bool holds, string missing)
    {
        if (holds)
        {
            return;
        }

        if (owner is { Acknowledged: true })
        {
            owner.NeverDelivered.Add(missing);
        }
        else
        {
            f.UnownedMissing.Add(missing);
        }
    }

    private static void Duplicate(Findings f, Command? owner, int extra, string what)
    {
        if (extra <= 0)
        {
            return;
        }

        if (owner is not null)
        {
            owner.DuplicateEffects += extra;
            owner.Duplicates.Add(what);
        }
        else
        {
            f.UnownedDuplicates.Add(what);
        }
    }

    /// <summary>Lookups over the stored events: by tag, by entity id, by one-of-a-kind day or combination.</summary>
    private sealed class StoredIndex
    {
        private readonly Dictionary<(string, string, string), int> _tagged = [];

        public StoredIndex(Facts facts)
        {
            foreach (var e in facts.Intake.Concat(facts.Assessment))
            {
                var tag = e.Type switch
                {
                    "runner_registered" => e.Text("DisplayName"),
                    "run_logged" => e.Text("ExternalId"),
                    "pain_reported" => e.Text("Notes"),
                    "gym_session_logged" => e.Text("Focus"),
                    "competition_scheduled" => e.Text("Name"),
                    "assessment_started" => e.Text("Reason"),
                    "test_result_recorded" => e.Text("Result", "Notes"),
                    _ => null,
                };
                if (tag is not null)
                {
                    _tagged[(e.Type, e.Clinic, tag)] = _tagged.GetValueOrDefault((e.Type, e.Clinic, tag)) + 1;
                }

                if ((e.Type switch
                    {
                        "pain_reported" => e.Text("PainReportId"),
                        "gym_session_logged" => e.Text("SessionId"),
                        "wellness_reported" => e.Text("WellnessReportId"),
                        _ => null,
                    }) is { } entity)
                {
                    ByEntity[(e.Clinic, entity)] = e;
                }

                if (e.Type == "wellness_reported")
                {
                    var day = (e.Clinic, e.StreamId.ToString(), e.Text("Date") ?? "");
                    WellnessDays[day] = WellnessDays.GetValueOrDefault(day) + 1;
                }
            }

            foreach (var e in facts.Programming.Where(e => e.Type == "next_morning_pain_recorded"))
            {
                var key = (e.Clinic, e.StreamId.ToString(), e.Text("Date") ?? "", int.Parse(e.Text("Pain") ?? "-1", System.Globalization.CultureInfo.InvariantCulture));
                Mornings[key] = Mornings.GetValueOrDefault(key) + 1;
            }
        }

        public Dictionary<(string, string), StoredEvent> ByEntity { get; } = [];
        public Dictionary<(string, string, string), int> WellnessDays { get; } = [];
        public Dictionary<(string, string, string, int), int> Mornings { get; } = [];

        public int Tagged(string type, string clinic, string tag) => _tagged.GetValueOrDefault((type, clinic, tag));
    }
}
