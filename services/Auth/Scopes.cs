namespace RunRestore.Auth;

/// <summary>Token scopes; each is also the name of the authorization policy that requires it.</summary>
public static class Scopes
{
    public const string IntakeWrite = "intake:write";
    public const string IntakeRead = "intake:read";
    public const string AssessmentWrite = "assessment:write";
    public const string AssessmentRead = "assessment:read";
    public const string ProgrammingWrite = "programming:write";
    public const string ProgrammingRead = "programming:read";

    /// <summary>Clinician-only programming decisions: clearing a red flag (DOMAIN.md R1-R6).</summary>
    public const string ProgrammingClinician = "programming:clinician";

    public static readonly IReadOnlyList<string> All =
        [IntakeWrite, IntakeRead, AssessmentWrite, AssessmentRead, ProgrammingWrite, ProgrammingRead,
            ProgrammingClinician];

    /// <summary>
    /// Only a service's own credentials carry it (never a clinic's token, never <see cref="All"/>): a call with it acts for
    /// the clinic named in the <see cref="ActForClinicHeader"/> metadata, as a service's work outside a request must.
    /// </summary>
    public const string Service = "service";

    /// <summary>The metadata naming the clinic a service-token call acts for; ignored on a clinic's own token.</summary>
    public const string ActForClinicHeader = "runrestore-clinic";

    /// <summary>The claim that names the caller's clinic: the Marten tenant.</summary>
    public const string ClinicClaim = "clinic";

    /// <summary>The claim that lists granted scopes (space separated, or one claim per scope).</summary>
    public const string ScopeClaim = "scope";
}
