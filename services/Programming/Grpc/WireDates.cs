using System.Globalization;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Programming.Grpc;

/// <summary>
/// Dates on the wire are "YYYY-MM-DD" strings: <see cref="FieldChecks.Iso"/> writes them and checks a caller's, this
/// reads the ones another service wrote (intake's runs and competitions), which are ours to trust: a malformed one is a
/// bug and throws.
/// </summary>
internal static class WireDates
{
    public static DateOnly Parse(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
