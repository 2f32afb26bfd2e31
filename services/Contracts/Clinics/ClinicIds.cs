namespace RunRestore.Contracts.Clinics;

/// <summary>
/// What a clinic id (the tenant) may look like: lower-case letters, digits and '-', 1-63 characters, starting with a
/// letter or digit (a DNS label). A token whose <c>clinic</c> claim is blank or anything else is UNAUTHENTICATED
/// (ARCHITECTURE.md "Auth"), so a tenant id never reaches Marten, a log line or a broker header unchecked.
/// </summary>
public static class ClinicIds
{
    public const int MaxLength = 63;

    public static bool IsValid(string? clinic) =>
        clinic is { Length: > 0 and <= MaxLength } && IsLowerLetterOrDigit(clinic[0])
        && clinic.All(c => IsLowerLetterOrDigit(c) || c == '-');

    private static bool IsLowerLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
