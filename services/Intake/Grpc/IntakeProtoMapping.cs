using System.Globalization;
using RunRestore.Common.V1;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Profiles;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.Intake.V1;
using Proto = RunRestore.Intake.V1;

namespace RunRestore.Intake.Grpc;

/// <summary>Proto ↔ domain. Enums cross as numbers: the domain's values equal the proto's by design.</summary>
internal static class IntakeProtoMapping
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static RunnerSex? ToRunnerSex(Sex sex) => sex switch
    {
        Sex.Female => RunnerSex.Female,
        Sex.Male => RunnerSex.Male,
        Sex.Other => RunnerSex.Other,
        _ => null,
    };

    public static RunnerSummary ToProto(Runner runner) => new()
    {
        RunnerId = runner.Id.ToString(),
        DisplayName = runner.DisplayName,
        BirthYear = runner.BirthYear,
        Sex = runner.Sex switch
        {
            RunnerSex.Female => Sex.Female,
            RunnerSex.Male => Sex.Male,
            _ => Sex.Other,
        },
        RegisteredAt = runner.RegisteredAt.ToString("O", Invariant),
    };

    public static Proto.RunnerProfile ToProto(Runners.RunnerProfile profile)
    {
        var proto = new Proto.RunnerProfile();
        if (profile.Goal is { } goal)
        {
            proto.Goal = new Proto.Goal
            {
                TargetRaceDate = goal.TargetRaceDate is { } d ? Iso(d) : "",
                TargetDistanceKm = (double)(goal.TargetDistanceKm ?? 0),
                Description = goal.Description,
            };
        }

        if (profile.Availability is { } availability)
        {
            proto.Availability = new Proto.WeeklyAvailability { MinutesPerWeek = availability.MinutesPerWeek };
            proto.Availability.TrainingDays.AddRange(availability.TrainingDays.Select(d => (Weekday)(d == DayOfWeek.Sunday ? 7 : (int)d)));
        }

        proto.InjuryHistory.AddRange(profile.InjuryHistory.Select(i => new Proto.PastInjury
        {
            BodySite = (Proto.BodySite)(int)i.BodySite,
            Side = (Proto.Side)(int)i.Side,
            Year = i.Year,
            Description = i.Description,
        }));
        return proto;
    }

    public static ProfileDraft ToDraft(Proto.RunnerProfile profile) => new(
        profile.Goal is { } g ? new GoalDraft(g.TargetRaceDate, g.TargetDistanceKm, g.Description) : null,
        profile.Availability is { } a ? new AvailabilityDraft(a.TrainingDays.Select(d => (int)d).ToList(), a.MinutesPerWeek) : null,
        profile.InjuryHistory.Select(i => new PastInjuryDraft((int)i.BodySite, (int)i.Side, i.Year, i.Description)).ToList());

    public static RunDraft ToDraft(RunInput run) => new(
        run.Date, run.DistanceKm, run.DurationSeconds, (int)run.SessionType, run.HasRpe ? run.Rpe : null,
        run.HasAverageHeartRate ? run.AverageHeartRate : null, run.HasCadenceSpm ? run.CadenceSpm : null,
        run.HasElevationGainM ? run.ElevationGainM : null, (int)run.Surface, run.Partner, run.ExternalId);

    public static PainDraft ToDraft(ReportPainRequest r) => new(
        r.Date, (int)r.BodySite, (int)r.Side, r.HasSeverity ? r.Severity : null, (int)r.Phase,
        r.OnsetCase == ReportPainRequest.OnsetOneofCase.OnsetKm ? r.OnsetKm : null,
        r.OnsetCase == ReportPainRequest.OnsetOneofCase.OnsetMinutes ? r.OnsetMinutes : null,
        r.LinkedRunId, r.DurationDays, r.Notes);

    public static Proto.LoadFlag ToProto(LoadFlagRaised raised) => ToProto(raised.Flag, raised.AsOf);

    public static Proto.LoadFlag ToProto(Training.LoadFlag flag, DateOnly asOf)
    {
        var proto = new Proto.LoadFlag
        {
            RuleId = flag.RuleId,
            RuleVersion = flag.RuleVersion,
            Kind = flag.Kind,
            Severity = flag.Severity,
            Evidence = flag.Evidence.ToString(),
            Explanation = flag.Explanation,
            AsOf = Iso(asOf),
        };
        foreach (var (name, value) in flag.Numbers)
        {
            proto.Numbers[name] = (double)value;
        }

        proto.TriggeringIds.AddRange(flag.TriggeringEventIds.Select(id => id.ToString()));
        return proto;
    }

    /// <summary>Fills a write response's flags_raised and flags_cleared.</summary>
    public static void AddFlags(Google.Protobuf.Collections.RepeatedField<Proto.LoadFlag> raised,
        Google.Protobuf.Collections.RepeatedField<Proto.LoadFlag> cleared, FlagChanges changes)
    {
        raised.AddRange(changes.Raised.Select(ToProto));
        cleared.AddRange(changes.Cleared.Select(ToProto));
    }

    public static Proto.LoadFlag ToProto(LoadFlagCleared cleared) => new()
    {
        RuleId = cleared.RuleId,
        RuleVersion = cleared.RuleVersion,
        Kind = cleared.Kind,
        Severity = "info",
        Explanation = cleared.Explanation,
        AsOf = Iso(cleared.AsOf),
    };

    public static ImportRunResult ToProto(ImportItemResult item)
    {
        var proto = new ImportRunResult
        {
            Index = item.Index,
            Outcome = item.Outcome switch
            {
                ImportItemOutcome.Imported => ImportOutcome.Imported,
                ImportItemOutcome.Duplicate => ImportOutcome.Duplicate,
                _ => ImportOutcome.Rejected,
            },
            RunId = item.RunId?.ToString() ?? "",
        };
        proto.Violations.AddRange(item.Violations.Select(v => new FieldViolation { Field = v.Field, Description = v.Message }));
        return proto;
    }

    public static WeekLoad ToProto(WeeklyLoad week)
    {
        var proto = new WeekLoad
        {
            WeekStart = Iso(week.WeekStart),
            DistanceKm = (double)week.DistanceKm,
            RunMinutes = (double)week.RunMinutes,
            Runs = week.Runs,
            RunLoad = (double)week.RunLoad,
            GymLoad = (double)week.GymLoad,
            Strain = (double)week.Strain,
            Races = week.Races,
        };
        if (week.Acwr is { } acwr)
        {
            proto.Acwr = (double)acwr;
        }

        if (week.DistanceChangePercent is { } change)
        {
            proto.DistanceChangePercent = (double)change;
        }

        if (week.Monotony is { } monotony)
        {
            proto.Monotony = (double)monotony;
        }

        if (week.HardShare is { } hard)
        {
            proto.HardShare = (double)hard;
        }

        if (week.SleepHoursAverage is { } sleep)
        {
            proto.SleepHoursAverage = (double)sleep;
        }

        if (week.StressAverage is { } stress)
        {
            proto.StressAverage = (double)stress;
        }

        return proto;
    }

    public static Proto.TimelineEntry ToProto(Timeline.TimelineEntry entry) => new()
    {
        Version = entry.Version,
        EventId = entry.EventId.ToString(),
        Type = entry.Type,
        RecordedAt = entry.RecordedAt.ToString("O", Invariant),
        Date = entry.Date is { } d ? Iso(d) : "",
        Summary = entry.Summary,
    };
}
