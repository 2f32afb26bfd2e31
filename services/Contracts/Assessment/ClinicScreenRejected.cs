namespace RunRestore.Contracts.Assessment;

/// <summary>
/// Outbound to the clinic whose system submitted a screen the assessment service refused: the CloudEvent
/// "runrestore.assessment.screen_rejected", routed "clinic.&lt;clinic&gt;.assessment.screen_rejected" (docs/asyncapi.yaml).
/// It carries the screen's CloudEvents id and source and the reason ("field: what is wrong"), never an exception type,
/// stack trace or file path: those stay in the operators' error queue, which no clinic may read.
/// </summary>
public sealed record ClinicScreenRejected(string ScreenId, string ScreenSource, string Reason)
{
    public const string CloudEventType = "runrestore.assessment.screen_rejected";
}
