using System.Globalization;
using RunRestore.Common.V1;
using RunRestore.Intake.Messaging;
using RunRestore.Intake.Pain;
using RunRestore.Intake.Profiles;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using RunRestore.Intake.V1;
using RunRestore.ServiceDefaults.Errors;
using Proto = RunRestore.Intake.V1;
using Signs = RunRestore.Contracts.Safety.RedFlagSigns;

namespace RunRestore.Intake.Grpc;

/// <summary>Proto ↔ domain; enums cross through the explicit maps of IntakeProtoMapping.Enums.cs.</summary>
internal static partial class IntakeProtoMapping
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static RunnerSummary ToProto(Runner runner) => new()
    {
        RunnerId = runner.Id.ToString(),
        DisplayName = runner.DisplayName,
        BirthYear = runner.BirthYear,
        Sex = ToProto(runner.Sex),
        RegisteredAt = runner.RegisteredAt.ToString("O", Invariant),
    };

    public static Proto.RunnerProfile ToProfile(Runner runner)
    {
        var profile = runner.Profile;
        var proto = new Proto.RunnerProfile { TimeZone = runner.TimeZone };
        if (profile.Goal is { } goal)
        {
            proto.Goal = new Proto.Goal
            {
                TargetRaceDate = goal.TargetRaceDate is { } d ? FieldChecks.Iso(d) : "",
                TargetDistanceKm = (double)(goal.TargetDistanceKm ?? 0),
                Description = goal.Description,
            };
        }

        if (profile.Availability is { } availability)
        {
            proto.Availability = new Proto.WeeklyAvailability { MinutesPerWeek = availability.MinutesPerWeek };
            proto.Availability.TrainingDays.AddRange(availability.TrainingDays.Select(ToProto));
        }

        proto.InjuryHistory.AddRange(profile.InjuryHistory.Select(i => new Proto.PastInjury
        {
            BodySite = ToProto(i.BodySite),
            Side = ToProto(i.Side),
            Year = i.Year,
            Description = i.Description,
        }));
        return proto;
    }

    public static ProfileDraft ToDraft(Proto.RunnerProfile profile) => new(
        profile.Goal is { } g ? new GoalDraft(g.TargetRaceDate, g.TargetDistanceKm, g.Description) : null,
        profile.Availability is { } a ? new AvailabilityDraft(a.TrainingDays.Select(d => Choose(d, ToDomain)).ToList(), a.MinutesPerWeek) : null,
        profile.InjuryHistory.Select(i => new PastInjuryDraft(Choose(i.BodySite, ToDomain), Choose(i.Side, ToDomain), i.Year,
            i.Description)).ToList(),
        profile.TimeZone);

    public static RunDraft ToDraft(RunInput run) => new(
        run.Date, run.DistanceKm, run.DurationSeconds, Choose(run.SessionType, ToDomain), run.HasRpe ? run.Rpe : null,
        run.HasAverageHeartRate ? run.AverageHeartRate : null, run.HasCadenceSpm ? run.CadenceSpm : null,
        run.HasElevationGainM ? run.ElevationGainM : null, Choose(run.Surface, ToDomain), run.Partner, run.ExternalId);

    public static PainDraft ToDraft(ReportPainRequest r) => new(
        r.Date, Choose(r.BodySite, ToDomain), Choose(r.Side, ToDomain), r.HasSeverity ? r.Severity : null,
        Choose(r.Phase, ToDomain),
        r.OnsetCase == ReportPainRequest.OnsetOneofCase.OnsetKm ? r.OnsetKm : null,
        r.OnsetCase == ReportPainRequest.OnsetOneofCase.OnsetMinutes ? r.OnsetMinutes : null,
        r.LinkedRunId, r.DurationDays, r.Notes, ToDraft(r.RedFlags ?? new()));

    // The proto's field names are the RedFlagSigns words, so a violation names the field ("red_flags.night_pain").
    private static IReadOnlyList<(string, Choice<Pain.RedFlagAnswer>)> ToDraft(Proto.RedFlagAnswers a) =>
    [
        (Signs.NightPain, Choose(a.NightPain, ToDomain)), (Signs.RestPain, Choose(a.RestPain, ToDomain)),
        (Signs.BonyTenderness, Choose(a.BonyTenderness, ToDomain)), (Signs.PainOnHopping, Choose(a.PainOnHopping, ToDomain)),
        (Signs.PainEarlierEachRun, Choose(a.PainEarlierEachRun, ToDomain)), (Signs.Swelling, Choose(a.Swelling, ToDomain)),
        (Signs.Locking, Choose(a.Locking, ToDomain)), (Signs.GivingWay, Choose(a.GivingWay, ToDomain)),
        (Signs.NumbnessOrTingling, Choose(a.NumbnessOrTingling, ToDomain)),
        (Signs.RadiatingBelowKnee, Choose(a.RadiatingBelowKnee, ToDomain)), (Signs.Weakness, Choose(a.Weakness, ToDomain)),
        (Signs.PreviousBoneStressInjury, Choose(a.PreviousBoneStressInjury, ToDomain)),
        (Signs.MissedPeriods, Choose(a.MissedPeriods, ToDomain)), (Signs.RecentWeightLoss, Choose(a.RecentWeightLoss, ToDomain)),
    ];

    public static Proto.RedFlag ToProto(Pain.RedFlagRaised flag)
    {
        var proto = new Proto.RedFlag
        {
            RedFlagId = flag.RedFlagId.ToString(),
            RuleId = flag.RuleId,
            RuleVersion = flag.RuleVersion,
            Severity = flag.Severity,
            Evidence = flag.Evidence,
            BodySite = IntakeIntegrationEvents.Word(flag.BodySite),
            Side = IntakeIntegrationEvents.Word(flag.Side),
            Explanation = flag.Explanation,
            RunnerAdvice = flag.RunnerAdvice,
            PainReportId = flag.PainReportId.ToString(),
            RaisedOn = FieldChecks.Iso(flag.Date),
        };
        proto.Signs.AddRange(flag.Signs);
        return proto;
    }

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
            AsOf = FieldChecks.Iso(asOf),
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
        AsOf = FieldChecks.Iso(cleared.AsOf),
    };

    public static ImportRunResult ToProto(ImportItemResult item)
    {
        var proto = new ImportRunResult
        {
            Index = item.Index,
            Outcome = ToProto(item.Outcome),
            RunId = item.RunId?.ToString() ?? "",
        };
        proto.Violations.AddRange(item.Violations.Select(v => new FieldViolation { Field = v.Field, Description = v.Message }));
        return proto;
    }

    public static WeekLoad ToProto(WeeklyLoad week)
    {
        var proto = new WeekLoad
        {
            WeekStart = FieldChecks.Iso(week.WeekStart),
            DistanceKm = (double)week.DistanceKm,
            RunMinutes = (double)week.RunMinutes,
            Runs = week.Runs,
            RunLoad = (double)week.RunLoad,
            GymLoad = (double)week.GymLoad,
            Strain = (double)week.Strain,
            Races = week.Races,
            Partial = week.Partial,
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
        Date = entry.Date is { } d ? FieldChecks.Iso(d) : "",
        Summary = entry.Summary,
    };
}
