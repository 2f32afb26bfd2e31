using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using System.Text.Json;
using RabbitMQ.Client;
using RunRestore.Intake.V1;
using RunRestore.EndToEndTests.Infrastructure;
using RunRestore.Programming.V1;
using RunRestore.Testing;
using AssessmentApi = RunRestore.Assessment.V1;

namespace RunRestore.EndToEndTests.Security;

/// <summary>
/// A clinic with one runner who has everything an RPC can name: a run, a pain report, two completed assessments and
/// an open one, a program and an open red flag on it. <see cref="Valid"/> builds a request for any RPC that passes the services' input
/// checks and names these ids.
/// </summary>
public sealed record ClinicWorld(string Clinic, string RunnerId, string RunId, string PainReportId, string FirstAssessmentId,
    string SecondAssessmentId, string OpenAssessmentId, string ExerciseCode, string RedFlagId)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);
    private static readonly JsonSerializerOptions MassTransitJson = new(JsonSerializerDefaults.Web);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every id of this world, for fuzzers that put an id where another belongs.</summary>
    public IReadOnlyList<string> Ids => [RunnerId, RunId, PainReportId, FirstAssessmentId, SecondAssessmentId, OpenAssessmentId, RedFlagId];

    public static async Task<ClinicWorld> CreateAsync(ThreeServices services, string clinic)
    {
        var token = TestTokens.AllScopes(clinic);
        var intake = new IntakeService.IntakeServiceClient(services.Intake.Channel(token));
        var assessment = new AssessmentApi.AssessmentService.AssessmentServiceClient(services.Assessment.Channel(token));
        var programs = new ProgrammingService.ProgrammingServiceClient(services.Programming.Channel(token));

        var runnerId = (await intake.RegisterRunnerAsync(new() { DisplayName = "Matrix Runner", BirthYear = 1988, Sex = Common.V1.Sex.Female }))
            .Runner.RunnerId;
        var runId = (await intake.LogRunAsync(new()
        {
            RunnerId = runnerId,
            Run = new() { Date = Day(-4), DistanceKm = 12, DurationSeconds = 4000, SessionType = SessionType.Easy, Rpe = 4 },
        })).RunId;
        var painId = (await intake.ReportPainAsync(new()
        {
            RunnerId = runnerId, Date = Day(-4), BodySite = BodySite.AnteriorKnee, Side = Side.Left, Severity = 3,
            Phase = PainPhase.DuringRun, OnsetKm = 9, LinkedRunId = runId,
        })).PainReportId;
        await Eventually.GetAsync(async () => (await assessment.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery,
            "assessment to learn the runner");
        await Eventually.GetAsync(async () => (await programs.GetRunnerAsync(new() { RunnerId = runnerId })).Runner, Delivery,
            "programming to learn the runner");

        async Task<string> ScreenAsync(bool complete)
        {
            // The pain report reaches assessment as a message: NOT_FOUND until it has.
            var id = (await Eventually.GetAsync(async () =>
                (await assessment.StartAssessmentAsync(new() { RunnerId = runnerId, Reason = "knee pain", PainReportId = painId })).Assessment,
                Delivery, "assessment to learn the pain report")).AssessmentId;
            if (!complete)
            {
                return id;
            }

            foreach (var (code, side, value, rating) in new[]
            {
                ("hip_abduction_strength", AssessmentApi.BodySide.Left, 1.3, AssessmentApi.Rating.Unspecified),
                ("hip_abduction_strength", AssessmentApi.BodySide.Right, 1.8, AssessmentApi.Rating.Unspecified),
                ("single_leg_squat", AssessmentApi.BodySide.Left, 0, AssessmentApi.Rating.Poor),
                ("single_leg_squat", AssessmentApi.BodySide.Right, 0, AssessmentApi.Rating.Good),
            })
            {
                await assessment.RecordTestResultAsync(new() { AssessmentId = id, TestCode = code, Side = side, Value = value, Rating = rating });
            }

            await assessment.CompleteAssessmentAsync(new() { AssessmentId = id });
            return id;
        }

        var first = await ScreenAsync(complete: true);
        var program = await Eventually.GetAsync(async () =>
        {
            try
            {
                return await programs.GetCurrentProgramAsync(new() { RunnerId = runnerId });
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, Delivery, "programming to prescribe");
        var second = await ScreenAsync(complete: true);
        // The reassessment reaches programming as a message: wait for it, so nothing of this world arrives later.
        await Eventually.GetAsync(async () =>
            (await programs.GetCurrentProgramAsync(new() { RunnerId = runnerId })) is { AssessmentId: var at } p && at == second ? p : null,
            Delivery, "programming to take in the reassessment");
        var open = await ScreenAsync(complete: false);
        var redFlagId = await RedFlagAsync(services, clinic, runnerId, programs);
        return new ClinicWorld(clinic, runnerId, runId, painId, first, second, open, program.Exercises[0].Code, redFlagId);
    }

    /// <summary>
    /// A red flag on the runner's program (for ClearRedFlag): the Contracts.Safety.RedFlagRaised intake publishes for a
    /// pain report, sent here in MassTransit's envelope on the broker's administrator connection (no service of this
    /// branch publishes it yet), and waited for until the program holds for it.
    /// </summary>
    public static async Task<string> RedFlagAsync(ThreeServices services, string clinic, string runnerId,
        ProgrammingService.ProgrammingServiceClient programs)
    {
        var id = Guid.NewGuid();
        const string contract = "RunRestore.Contracts.Safety:RedFlagRaised";
        var envelope = new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:" + contract },
            headers = new Dictionary<string, object> { ["clinic"] = clinic },
            message = new RunRestore.Contracts.Safety.RedFlagRaised(Guid.Parse(runnerId), id, "R2", 2, "critical", "B",
                "anterior_shin", "left", ["bony_tenderness", "pain_on_hopping"],
                "Bony tenderness and pain on hopping at a high-risk bone site.", RunRestore.Contracts.Safety.RedFlagRules.RunnerAdvice,
                "pain_report", [], Today),
        };
        await using (var connection = await new ConnectionFactory { Uri = services.RabbitUri }.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            // Programming's consumer declared and bound the contract's fanout exchange when it started.
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent };
            await channel.BasicPublishAsync(contract, "", false, properties,
                JsonSerializer.SerializeToUtf8Bytes(envelope, MassTransitJson));
        }

        await Eventually.GetAsync(async () =>
            (await programs.GetCurrentProgramAsync(new() { RunnerId = runnerId })).OpenRedFlags.FirstOrDefault(f => f.RedFlagId == id.ToString()),
            Delivery, "programming to hold for the red flag");
        return id.ToString();
    }

    /// <summary>
    /// A request for <paramref name="descriptor"/> that passes input validation and names this world's ids, built from
    /// the descriptor by field name. Fields in a oneof and optional fields without a convention stay unset; a string
    /// field named like an id without a convention here is an error, so a new id is never silently left blank.
    /// </summary>
    public IMessage Valid(MessageDescriptor descriptor)
    {
        var message = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (field.RealContainingOneof is not null || field.IsMap
                || (field.HasPresence && field.FieldType != FieldType.Message && !RequiredOptionals.Contains(field.Name)))
            {
                continue;
            }

            if (field.IsRepeated)
            {
                ((IList)field.Accessor.GetValue(message)).Add(ValidValue(field));
            }
            else
            {
                field.Accessor.SetValue(message, ValidValue(field));
            }
        }

        return message;
    }

    /// <summary>Optional (presence) fields the services require: set in a valid request.</summary>
    public static readonly IReadOnlySet<string> RequiredOptionals = new HashSet<string> { "rpe", "severity" };

    public object ValidValue(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message => Valid(field.MessageType),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, ValidEnum(field)),
        FieldType.String => ValidString(field),
        FieldType.Bool => field.Name == "completed",
        FieldType.Double => ValidNumber(field),
        FieldType.Float => (float)ValidNumber(field),
        _ => Whole(field, (long)ValidNumber(field)),
    };

    public static object Whole(FieldDescriptor field, long value) => field.FieldType switch
    {
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => value,
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)value),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)value),
        _ => unchecked((int)value),
    };

    private static int ValidEnum(FieldDescriptor field) => (field.EnumType.FullName, field.Name) switch
    {
        // A test result's rating is only for rated tests (knee_to_wall is measured).
        ("runrestore.assessment.v1.Rating", _) => 0,
        ("runrestore.intake.v1.PainPhase", _) => (int)PainPhase.AfterRun,
        // The first value after UNSPECIFIED: every enum the services require is given.
        _ => field.EnumType.Values.First(v => v.Number != 0).Number,
    };

    private string ValidString(FieldDescriptor field) => field.Name switch
    {
        "runner_id" => RunnerId,
        "linked_run_id" => RunId,
        "pain_report_id" => PainReportId,
        "assessment_id" => OpenAssessmentId,
        "assessment_a_id" => FirstAssessmentId,
        "assessment_b_id" => SecondAssessmentId,
        "red_flag_id" => RedFlagId,
        "date" => Day(0),
        "week_of" or "to" => Day(0),
        "from" => Day(-30),
        "target_race_date" => Day(60),
        "display_name" => "Matrix Runner",
        "reason" => "security matrix",
        "name" => "Harbour 10k",
        "focus" => "lower-body strength",
        "description" => "sore knee",
        "notes" => "after the hills",
        "test_code" => "knee_to_wall",
        "unit" => "cm",
        "code" => ExerciseCode,
        "partner" or "external_id" or "page_token" => "",
        var name when name.EndsWith("_id", StringComparison.Ordinal) || name == "id" => throw new InvalidOperationException(
            $"{field.FullName} is an id without a convention in ClinicWorld.ValidString: add which of the world's ids it names."),
        _ => "",
    };

    private static double ValidNumber(FieldDescriptor field) => field.Name switch
    {
        "birth_year" => 1988,
        "distance_km" => 10,
        "target_distance_km" => 21.1,
        "duration_seconds" => 3600,
        "duration_minutes" => 45,
        "duration_days" => 3,
        "rpe" => 4,
        "severity" => 3,
        "stress" or "soreness" => 2,
        "sleep_hours" => 7.5,
        "weeks" => 6,
        "page_size" => 50,
        "minutes_per_week" => 120,
        "year" => 2020,
        "value" => 9,
        "sets" => 3,
        "reps" => 10,
        "pain" => 2,
        "pain_ceiling" => 4,
        "onset_km" => 5,
        "onset_minutes" => 30,
        _ => 0,
    };
}
