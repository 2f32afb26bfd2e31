using System.Text.Json.Serialization;

namespace RunRestore.Contracts.Assessment;

/// <summary>
/// Inbound from a clinic's system: a completed movement screen, as CloudEvents 1.0 JSON published to the
/// "runrestore.clinic-inbound" topic exchange with routing key "clinic.&lt;clinic&gt;.screen_submitted" and the AMQP
/// <c>user_id</c> property set to the clinic's broker user (docs/asyncapi.yaml). The tenant is that broker-validated
/// user, never the body: <see cref="Clinic"/> is optional and, when given, must name the same clinic.
/// <see cref="Source"/> + <see cref="Id"/> make it idempotent; <see cref="Subject"/> is the runner id. A refused screen
/// is answered with <see cref="ClinicScreenRejected"/> (the reason only).
/// </summary>
public sealed record ClinicScreenSubmitted(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("clinic")] string? Clinic,
    [property: JsonPropertyName("data")] ClinicScreen Data);

/// <summary>
/// The screen: why, the pain report it reasons from (optional), and the results. <see cref="PerformedOn"/> (optional,
/// "YYYY-MM-DD") is the day it was done, under StartAssessment's rule: at most the runner's today, at least a year ago;
/// absent is today (issue 13: paper screens, migrated records). <see cref="HeightCm"/> and <see cref="WeightKg"/> (optional,
/// both or neither, as StartAssessment's) let K5 (v2) judge BMI &gt; 27 for heel pain.
/// </summary>
public sealed record ClinicScreen(
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("pain_report_id")] string? PainReportId,
    [property: JsonPropertyName("results")] IReadOnlyList<ClinicScreenResult> Results,
    [property: JsonPropertyName("performed_on")] string? PerformedOn = null,
    [property: JsonPropertyName("height_cm")] decimal? HeightCm = null,
    [property: JsonPropertyName("weight_kg")] decimal? WeightKg = null);

/// <summary>One result: a test code of the catalogue, side "left"/"right" (or empty), value, unit, rating good/fair/poor.</summary>
public sealed record ClinicScreenResult(
    [property: JsonPropertyName("test_code")] string TestCode,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("value")] decimal Value,
    [property: JsonPropertyName("unit")] string? Unit,
    [property: JsonPropertyName("rating")] string? Rating,
    [property: JsonPropertyName("notes")] string? Notes);
