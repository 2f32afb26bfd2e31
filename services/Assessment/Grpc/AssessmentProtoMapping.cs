using System.Globalization;
using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.ServiceDefaults.Errors;
using Proto = RunRestore.Assessment.V1;

namespace RunRestore.Assessment.Grpc;

/// <summary>Domain ↔ proto for the assessment service: enums by explicit maps, dates by <see cref="FieldChecks.Iso"/>.</summary>
internal static class AssessmentProtoMapping
{

    public static Proto.Assessment ToProto(AssessmentRecord a) => ToProto(a, withResults: true);

    public static Proto.Assessment ToProto(AssessmentRecord a, bool withResults)
    {
        var proto = new Proto.Assessment
        {
            AssessmentId = a.Id.ToString(),
            RunnerId = a.RunnerId.ToString(),
            Status = StatusOf(a),
            Reason = a.Reason,
            StartedAt = a.StartedAt.ToString("O", CultureInfo.InvariantCulture),
            CompletedOn = a.Completion is { } c ? FieldChecks.Iso(c.CompletedOn) : "",
            LoadSource = a.Load.Source,
            LoadNote = a.Load.Note ?? "",
            IsReassessment = a.Completion?.IsReassessment ?? false,
            PerformedOn = FieldChecks.Iso(a.PerformedOn),
        };
        if (a.Pain is { } pain)
        {
            proto.Pain = new Proto.PainSnapshot
            {
                PainReportId = pain.PainReportId.ToString(),
                BodySite = pain.BodySite,
                Side = pain.Side,
                Severity = pain.Severity,
                Phase = pain.Phase,
            };
            if (pain.OnsetKm is { } km)
            {
                proto.Pain.OnsetKm = (double)km;
            }

            if (pain.OnsetMinutes is { } minutes)
            {
                proto.Pain.OnsetMinutes = (double)minutes;
            }
        }

        if (a.Body is { } body)
        {
            (proto.HeightCm, proto.WeightKg, proto.Bmi) = ((double)body.HeightCm, (double)body.WeightKg, (double)body.Bmi);
        }

        proto.LoadFlags.AddRange(a.Load.Flags.Select(f => new Proto.LoadFlagSnapshot
        {
            RuleId = f.RuleId, Kind = f.Kind, Severity = f.Severity, Evidence = f.Evidence, Explanation = f.Explanation,
        }));
        if (withResults)
        {
            proto.Results.AddRange(a.Results.Select(ToProto));
        }

        if (a.Completion is { } completion)
        {
            proto.Findings.AddRange(completion.Findings.Select(ToProto));
            proto.Regions.AddRange(completion.Regions.Select(ToProto));
            proto.PreviousAssessmentId = completion.PreviousAssessmentId?.ToString() ?? "";
            proto.ResolvedFindingKeys.AddRange(completion.ResolvedFindingKeys ?? []);
            proto.NotRetestedFindingKeys.AddRange(completion.NotRetestedFindingKeys ?? []);
            proto.RedFlags.AddRange((a.RedFlags ?? []).Select(ScreenRedFlagMapping.ToProto));
        }

        return proto;
    }

    public static Proto.TestResult ToProto(TestResult r) => new()
    {
        ResultId = r.ResultId.ToString(),
        TestCode = r.TestCode,
        Side = ToProto(r.Side),
        Value = (double)r.Value,
        Unit = r.Unit,
        Rating = ToProto(r.Rating),
        Notes = r.Notes,
    };

    public static Proto.Finding ToProto(Finding f)
    {
        var proto = new Proto.Finding
        {
            Key = f.Key,
            Kind = f.Kind,
            Region = f.Region,
            Side = ScreeningRules.Word(f.Side) ?? "",
            MagnitudeLabel = f.MagnitudeLabel,
            RuleId = f.RuleId,
            RuleVersion = f.RuleVersion,
            Evidence = f.Evidence,
            Explanation = f.Explanation,
        };
        if (f.Magnitude is { } magnitude)
        {
            proto.Magnitude = (double)magnitude;
        }

        proto.TriggeringInputs.AddRange(f.TriggeringInputs);
        return proto;
    }

    public static Proto.ContributingRegion ToProto(ContributingRegion r)
    {
        var proto = new Proto.ContributingRegion
        {
            Region = r.Region, Rank = r.Rank, RuleId = r.RuleId, Evidence = r.Evidence, Explanation = r.Explanation,
        };
        proto.SupportingFindingKeys.AddRange(r.SupportingFindingKeys);
        return proto;
    }

    public static Proto.TestChange ToProto(TestChange c)
    {
        var proto = new Proto.TestChange
        {
            TestCode = c.TestCode,
            Side = ToProto(c.Side),
            ValueA = (double)c.ValueA,
            ValueB = (double)c.ValueB,
            Change = (double)c.Change,
            ExceedsMdc = c.ExceedsMdc,
            Unit = c.Unit,
        };
        if (c.Mdc is { } mdc)
        {
            proto.Mdc = (double)mdc;
        }

        return proto;
    }

    public static Proto.TestDefinition ToProto(TestDefinition t)
    {
        var proto = new Proto.TestDefinition
        {
            Code = t.Code,
            Name = t.Name,
            RuleId = t.RuleId,
            Quality = t.Quality,
            Min = (double)t.Min,
            Max = (double)t.Max,
            PerSide = t.PerSide,
            NeedsRating = t.NeedsRating,
            Instructions = t.Instructions,
        };
        if (t.Mdc is { } mdc)
        {
            proto.Mdc = (double)mdc;
        }

        proto.Units.AddRange(t.Units);
        proto.Norms.AddRange(t.Norms);
        return proto;
    }

    public static Proto.AssessmentStatus StatusOf(AssessmentRecord a) =>
        a.IsCompleted ? Proto.AssessmentStatus.Completed : Proto.AssessmentStatus.InProgress;

    public static Proto.BodySide ToProto(BodySide? side) => side switch
    {
        BodySide.Left => Proto.BodySide.Left,
        BodySide.Right => Proto.BodySide.Right,
        _ => Proto.BodySide.Unspecified,
    };

    /// <summary>A side as a request gives it; a number this proto version does not define is kept to be refused.</summary>
    public static Choice<BodySide> FromProto(Proto.BodySide side) => side switch
    {
        Proto.BodySide.Unspecified => default,
        Proto.BodySide.Left => Choice.Of(BodySide.Left),
        Proto.BodySide.Right => Choice.Of(BodySide.Right),
        _ => Choice.NotKnown<BodySide>(side.ToString()),
    };

    public static Proto.Rating ToProto(Rating? rating) => rating switch
    {
        Rating.Good => Proto.Rating.Good,
        Rating.Fair => Proto.Rating.Fair,
        Rating.Poor => Proto.Rating.Poor,
        _ => Proto.Rating.Unspecified,
    };

    public static Choice<Rating> FromProto(Proto.Rating rating) => rating switch
    {
        Proto.Rating.Unspecified => default,
        Proto.Rating.Good => Choice.Of(Rating.Good),
        Proto.Rating.Fair => Choice.Of(Rating.Fair),
        Proto.Rating.Poor => Choice.Of(Rating.Poor),
        _ => Choice.NotKnown<Rating>(rating.ToString()),
    };
}
