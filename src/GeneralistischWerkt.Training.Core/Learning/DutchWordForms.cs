namespace GeneralistischWerkt.Training.Core.Learning;

/// <summary>
/// A small, conservative reduction of Dutch word forms for search, so "doorverwijs", "doorverwijzen" and
/// "doorverwijzing" meet, as do "vraag" and "vragen" or "gesprek" and "gesprekken". Only common inflection endings are
/// removed (plural, diminutive, -ing), never a verb's -t (it would also cut "cliënt" to "cliën"), then a doubled end
/// consonant and doubled vowels are made single and a final z/v becomes s/f. Written for our own short texts: a full
/// stemmer (Snowball's Dutch one) does not bring z/s or v/f together, which is exactly what learners type.
/// </summary>
public static class DutchWordForms
{
    private const int MinimumStem = 4;
    // Longest first: the first ending that leaves a long enough stem wins.
    private static readonly string[] Endings = ["ingen", "tjes", "jes", "tje", "ing", "en", "es", "je", "e", "s"];

    /// <summary>The reduced form of one folded (lower case, no accents) word.</summary>
    public static string Stem(string folded)
    {
        var word = folded;
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinimumStem && word.EndsWith(ending, StringComparison.Ordinal))
            {
                word = word[..^ending.Length];
                break;
            }
        }
        var chars = new System.Text.StringBuilder(word.Length);
        foreach (var ch in word)
        {
            // "gesprekk" → "gesprek", "vraag" → "vrag": doubled letters say nothing about the word in a search.
            if (chars.Length > 0 && chars[^1] == ch && char.IsLetter(ch)) continue;
            chars.Append(ch);
        }
        if (chars.Length >= MinimumStem)
        {
            if (chars[^1] == 'z') chars[^1] = 's';
            else if (chars[^1] == 'v') chars[^1] = 'f';
        }
        return chars.ToString();
    }
}
