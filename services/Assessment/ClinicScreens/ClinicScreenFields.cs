using RunRestore.Assessment.Assessments;
using RunRestore.Assessment.Screening;
using RunRestore.Contracts.Intake;
using RunRestore.ServiceDefaults.Errors;

namespace RunRestore.Assessment.ClinicScreens;

/// <summary>
/// A clinic screen's words and field names: its problems name the message's own fields (<c>data.performed_on</c>,
/// <c>data.results[1].side</c>), so the <see cref="RunRestore.Contracts.Assessment.ClinicScreenRejected"/> reason points at
/// what the clinic sent, while the checks themselves stay the gRPC path's (one implementation).
/// </summary>
internal static class ClinicScreenFields
{
    /// <summary>Where the screen's own fields sit in the CloudEvent.</summary>
    public const string Data = "data.";

    /// <summary>Runs <paramref name="decide"/>; an INVALID_ARGUMENT it throws names its fields with <paramref name="prefix"/>.</summary>
    public static T Prefixed<T>(string prefix, Func<T> decide)
    {
        try
        {
            return decide();
        }
        catch (InvalidRequestException ex)
        {
            throw Renamed(prefix, ex);
        }
    }

    /// <inheritdoc cref="Prefixed{T}(string, Func{T})"/>
    public static async Task<T> PrefixedAsync<T>(string prefix, Func<Task<T>> decide)
    {
        try
        {
            return await decide().ConfigureAwait(false);
        }
        catch (InvalidRequestException ex)
        {
            throw Renamed(prefix, ex);
        }
    }

    public static Choice<BodySide> SideOf(string? side) => side?.Trim().ToLowerInvariant() switch
    {
        null or "" => default,
        BodySides.Left => Choice.Of(BodySide.Left),
        BodySides.Right => Choice.Of(BodySide.Right),
        _ => Choice.NotKnown<BodySide>(side),
    };

    public static Choice<Rating> RatingOf(string? rating) => rating?.Trim().ToLowerInvariant() switch
    {
        null or "" => default,
        "good" => Choice.Of(Rating.Good),
        "fair" => Choice.Of(Rating.Fair),
        "poor" => Choice.Of(Rating.Poor),
        _ => Choice.NotKnown<Rating>(rating),
    };

    private static InvalidRequestException Renamed(string prefix, InvalidRequestException ex) =>
        new([.. ex.Problems.Select(p => p with { Field = prefix + p.Field })]);
}
