using RunRestore.Intake.Pain;
using RunRestore.Intake.Runners;
using RunRestore.Intake.Training;
using CommonProto = RunRestore.Common.V1;
using Proto = RunRestore.Intake.V1;

namespace RunRestore.Intake.Grpc;

// Proto enums ↔ domain enums, member by member: the numbers of the two need not agree, and a member added on one side
// only is caught by IntakeProtoEnumTests instead of crossing as a wrong value. Unspecified (0) and numbers the proto
// does not define map to no domain value; the deciders refuse them naming the field.
internal static partial class IntakeProtoMapping
{
    public static SessionType? ToDomain(Proto.SessionType type) => type switch
    {
        Proto.SessionType.Easy => SessionType.Easy,
        Proto.SessionType.Long => SessionType.Long,
        Proto.SessionType.Tempo => SessionType.Tempo,
        Proto.SessionType.Interval => SessionType.Interval,
        Proto.SessionType.Race => SessionType.Race,
        Proto.SessionType.Recovery => SessionType.Recovery,
        _ => null,
    };

    public static Proto.SessionType ToProto(SessionType type) => type switch
    {
        SessionType.Easy => Proto.SessionType.Easy,
        SessionType.Long => Proto.SessionType.Long,
        SessionType.Tempo => Proto.SessionType.Tempo,
        SessionType.Interval => Proto.SessionType.Interval,
        SessionType.Race => Proto.SessionType.Race,
        SessionType.Recovery => Proto.SessionType.Recovery,
        _ => Proto.SessionType.Unspecified,
    };

    public static Surface? ToDomain(Proto.Surface surface) => surface switch
    {
        Proto.Surface.Road => Surface.Road,
        Proto.Surface.Trail => Surface.Trail,
        Proto.Surface.Track => Surface.Track,
        Proto.Surface.Treadmill => Surface.Treadmill,
        Proto.Surface.Grass => Surface.Grass,
        Proto.Surface.Mixed => Surface.Mixed,
        _ => null,
    };

    public static Proto.Surface ToProto(Surface surface) => surface switch
    {
        Surface.Road => Proto.Surface.Road,
        Surface.Trail => Proto.Surface.Trail,
        Surface.Track => Proto.Surface.Track,
        Surface.Treadmill => Proto.Surface.Treadmill,
        Surface.Grass => Proto.Surface.Grass,
        Surface.Mixed => Proto.Surface.Mixed,
        _ => Proto.Surface.Unspecified,
    };

    public static CompetitionPriority? ToDomain(Proto.CompetitionPriority priority) => priority switch
    {
        Proto.CompetitionPriority.A => CompetitionPriority.A,
        Proto.CompetitionPriority.B => CompetitionPriority.B,
        Proto.CompetitionPriority.C => CompetitionPriority.C,
        _ => null,
    };

    public static Proto.CompetitionPriority ToProto(CompetitionPriority priority) => priority switch
    {
        CompetitionPriority.A => Proto.CompetitionPriority.A,
        CompetitionPriority.B => Proto.CompetitionPriority.B,
        CompetitionPriority.C => Proto.CompetitionPriority.C,
        _ => Proto.CompetitionPriority.Unspecified,
    };

    public static BodySite? ToDomain(Proto.BodySite site) => site switch
    {
        Proto.BodySite.AnteriorKnee => BodySite.AnteriorKnee,
        Proto.BodySite.LateralKnee => BodySite.LateralKnee,
        Proto.BodySite.MedialShin => BodySite.MedialShin,
        Proto.BodySite.Achilles => BodySite.Achilles,
        Proto.BodySite.Calf => BodySite.Calf,
        Proto.BodySite.HeelPlantar => BodySite.HeelPlantar,
        Proto.BodySite.Hamstring => BodySite.Hamstring,
        Proto.BodySite.Hip => BodySite.Hip,
        Proto.BodySite.LateralHip => BodySite.LateralHip,
        Proto.BodySite.LowerBack => BodySite.LowerBack,
        Proto.BodySite.Foot => BodySite.Foot,
        Proto.BodySite.Other => BodySite.Other,
        Proto.BodySite.Groin => BodySite.Groin,
        Proto.BodySite.AnteriorShin => BodySite.AnteriorShin,
        Proto.BodySite.Midfoot => BodySite.Midfoot,
        Proto.BodySite.OuterFoot => BodySite.OuterFoot,
        _ => null,
    };

    public static Proto.BodySite ToProto(BodySite site) => site switch
    {
        BodySite.AnteriorKnee => Proto.BodySite.AnteriorKnee,
        BodySite.LateralKnee => Proto.BodySite.LateralKnee,
        BodySite.MedialShin => Proto.BodySite.MedialShin,
        BodySite.Achilles => Proto.BodySite.Achilles,
        BodySite.Calf => Proto.BodySite.Calf,
        BodySite.HeelPlantar => Proto.BodySite.HeelPlantar,
        BodySite.Hamstring => Proto.BodySite.Hamstring,
        BodySite.Hip => Proto.BodySite.Hip,
        BodySite.LateralHip => Proto.BodySite.LateralHip,
        BodySite.LowerBack => Proto.BodySite.LowerBack,
        BodySite.Foot => Proto.BodySite.Foot,
        BodySite.Other => Proto.BodySite.Other,
        BodySite.Groin => Proto.BodySite.Groin,
        BodySite.AnteriorShin => Proto.BodySite.AnteriorShin,
        BodySite.Midfoot => Proto.BodySite.Midfoot,
        BodySite.OuterFoot => Proto.BodySite.OuterFoot,
        _ => Proto.BodySite.Unspecified,
    };

    public static Side? ToDomain(Proto.Side side) => side switch
    {
        Proto.Side.Left => Side.Left,
        Proto.Side.Right => Side.Right,
        Proto.Side.Both => Side.Both,
        Proto.Side.NotApplicable => Side.NotApplicable,
        _ => null,
    };

    public static Proto.Side ToProto(Side side) => side switch
    {
        Side.Left => Proto.Side.Left,
        Side.Right => Proto.Side.Right,
        Side.Both => Proto.Side.Both,
        Side.NotApplicable => Proto.Side.NotApplicable,
        _ => Proto.Side.Unspecified,
    };

    public static PainPhase? ToDomain(Proto.PainPhase phase) => phase switch
    {
        Proto.PainPhase.DuringRun => PainPhase.DuringRun,
        Proto.PainPhase.AfterRun => PainPhase.AfterRun,
        Proto.PainPhase.NextMorning => PainPhase.NextMorning,
        Proto.PainPhase.AtRest => PainPhase.AtRest,
        _ => null,
    };

    public static Proto.PainPhase ToProto(PainPhase phase) => phase switch
    {
        PainPhase.DuringRun => Proto.PainPhase.DuringRun,
        PainPhase.AfterRun => Proto.PainPhase.AfterRun,
        PainPhase.NextMorning => Proto.PainPhase.NextMorning,
        PainPhase.AtRest => Proto.PainPhase.AtRest,
        _ => Proto.PainPhase.Unspecified,
    };

    public static RedFlagAnswer? ToDomain(Proto.RedFlagAnswer answer) => answer switch
    {
        Proto.RedFlagAnswer.No => RedFlagAnswer.No,
        Proto.RedFlagAnswer.Yes => RedFlagAnswer.Yes,
        Proto.RedFlagAnswer.Unsure => RedFlagAnswer.Unsure,
        _ => null,
    };

    public static Proto.RedFlagAnswer ToProto(RedFlagAnswer answer) => answer switch
    {
        RedFlagAnswer.No => Proto.RedFlagAnswer.No,
        RedFlagAnswer.Yes => Proto.RedFlagAnswer.Yes,
        RedFlagAnswer.Unsure => Proto.RedFlagAnswer.Unsure,
        _ => Proto.RedFlagAnswer.Unspecified,
    };

    public static DayOfWeek? ToDomain(Proto.Weekday day) => day switch
    {
        Proto.Weekday.Monday => DayOfWeek.Monday,
        Proto.Weekday.Tuesday => DayOfWeek.Tuesday,
        Proto.Weekday.Wednesday => DayOfWeek.Wednesday,
        Proto.Weekday.Thursday => DayOfWeek.Thursday,
        Proto.Weekday.Friday => DayOfWeek.Friday,
        Proto.Weekday.Saturday => DayOfWeek.Saturday,
        Proto.Weekday.Sunday => DayOfWeek.Sunday,
        _ => null,
    };

    public static Proto.Weekday ToProto(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Proto.Weekday.Monday,
        DayOfWeek.Tuesday => Proto.Weekday.Tuesday,
        DayOfWeek.Wednesday => Proto.Weekday.Wednesday,
        DayOfWeek.Thursday => Proto.Weekday.Thursday,
        DayOfWeek.Friday => Proto.Weekday.Friday,
        DayOfWeek.Saturday => Proto.Weekday.Saturday,
        DayOfWeek.Sunday => Proto.Weekday.Sunday,
        _ => Proto.Weekday.Unspecified,
    };

    public static RunnerSex? ToDomain(CommonProto.Sex sex) => sex switch
    {
        CommonProto.Sex.Female => RunnerSex.Female,
        CommonProto.Sex.Male => RunnerSex.Male,
        CommonProto.Sex.Other => RunnerSex.Other,
        _ => null,
    };

    public static CommonProto.Sex ToProto(RunnerSex sex) => sex switch
    {
        RunnerSex.Female => CommonProto.Sex.Female,
        RunnerSex.Male => CommonProto.Sex.Male,
        _ => CommonProto.Sex.Other,
    };

    public static Proto.ImportOutcome ToProto(ImportItemOutcome outcome) => outcome switch
    {
        ImportItemOutcome.Imported => Proto.ImportOutcome.Imported,
        ImportItemOutcome.Duplicate => Proto.ImportOutcome.Duplicate,
        _ => Proto.ImportOutcome.Rejected,
    };

    /// <summary>An enum field of a request as the deciders take it: its domain value, or what was sent instead.</summary>
    public static Choice<TDomain> Choose<TProto, TDomain>(TProto sent, Func<TProto, TDomain?> toDomain)
        where TProto : struct, Enum where TDomain : struct, Enum =>
        toDomain(sent) is { } value ? Choice.Of(value)
        : EqualityComparer<TProto>.Default.Equals(sent, default) ? Choice.NotGiven<TDomain>()
        // A number the proto does not define prints as the number: "99 is not a known value".
        : Choice.Unknown<TDomain>(sent.ToString());
}
