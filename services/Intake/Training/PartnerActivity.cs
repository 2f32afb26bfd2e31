namespace RunRestore.Intake.Training;

/// <summary>
/// Remembers which run a partner's activity became, so a resend of (partner, external id) returns the first result
/// and stores nothing. Inserted in the same transaction as the run; the id's uniqueness (per clinic) settles races.
/// </summary>
public sealed record PartnerActivity(string Id, Guid RunnerId, Guid RunId)
{
    public static string KeyOf(string partner, string externalId) => $"{partner}\u001f{externalId}";
}
