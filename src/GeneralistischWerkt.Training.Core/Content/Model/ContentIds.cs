using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>Rules for item ids: lowercase a-z, 0-9 and single dashes between them.</summary>
public static partial class ContentIds
{
    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    public static bool IsValid(string? id) => id is not null && id.Length <= 120 && IdPattern().IsMatch(id);
}
