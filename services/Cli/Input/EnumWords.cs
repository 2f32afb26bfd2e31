using System.Text;
using RunRestore.Cli.App;

namespace RunRestore.Cli.Input;

/// <summary>
/// Proto enums as lower-case snake-case words on the command line and in output: SessionType.Easy is "easy",
/// BodySite.AnteriorKnee "anterior_knee", PainPhase.DuringRun "during_run". The UNSPECIFIED value is never a word.
/// </summary>
internal static class EnumWords
{
    // Short forms shown instead of the long word (both are accepted).
    private static readonly Dictionary<string, string> ShortForms = new(StringComparer.Ordinal)
    {
        ["not_applicable"] = "na",
    };

    /// <summary>The word for a value; "—" for UNSPECIFIED (0).</summary>
    public static string Word<T>(T value)
        where T : struct, Enum
    {
        var name = Enum.GetName(value);
        if (name is null)
        {
            return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name == "Unspecified" ? "—" : Snake(name);
    }

    /// <summary>The words the command line accepts, in proto order (short forms where there are any).</summary>
    public static IReadOnlyList<string> Words<T>()
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Where(v => Enum.GetName(v) != "Unspecified")
            .Select(v => Snake(Enum.GetName(v)!)).Select(w => ShortForms.GetValueOrDefault(w, w))];

    /// <summary>
    /// The value for <paramref name="text"/> (case and '-' / '_' do not matter), or a usage error naming
    /// <paramref name="option"/> and listing the allowed words.
    /// </summary>
    public static T Parse<T>(string? text, string option)
        where T : struct, Enum
    {
        if (TryParse<T>(text, out var value))
        {
            return value;
        }

        var given = string.IsNullOrWhiteSpace(text) ? "nothing" : $"'{text}'";
        throw new CliUsageException($"{option}: {given} is not one of {string.Join(", ", Words<T>())}");
    }

    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var word = text.Trim().Replace('-', '_').ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<T>())
        {
            var name = Enum.GetName(candidate)!;
            if (name == "Unspecified")
            {
                continue;
            }

            var snake = Snake(name);
            if (word == snake || word == ShortForms.GetValueOrDefault(snake))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>"anterior_knee" for "AnteriorKnee".</summary>
    internal static string Snake(string pascal)
    {
        var words = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                words.Append('_');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
