using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.Core.PeerReview;

public enum IdentifyingKind
{
    FullName,
    PhoneNumber,
    Email,
    NationalNumber,
}

/// <summary>A piece of text that looks like it identifies a person, with where it stands and what to do instead.</summary>
public sealed record IdentifyingMatch(IdentifyingKind Kind, string Text, int Index)
{
    public string Message => Kind switch
    {
        IdentifyingKind.FullName => $"'{Text}' lijkt een volledige naam. Gebruik een schuilnaam, bijvoorbeeld alleen een verzonnen voornaam.",
        IdentifyingKind.PhoneNumber => $"'{Text}' lijkt een telefoonnummer. Laat het weg: de groep heeft het niet nodig.",
        IdentifyingKind.Email => $"'{Text}' lijkt een e-mailadres. Laat het weg of schrijf 'zijn of haar e-mailadres'.",
        _ => $"'{Text}' lijkt een rijksregisternummer. Laat het altijd weg.",
    };
}

/// <summary>
/// Warns when an inbreng looks like it identifies a client: a full name, a phone number, an e-mail address or a
/// Belgian national register number. It only warns (the coach decides), so it leans towards warning; a few common
/// capitalised pairs that are no person (organisations, sentence openers) are left alone. Pure, so tested on its own.
/// </summary>
public static partial class IdentifyingText
{
    public const string Advice = "Gebruik een schuilnaam en laat gegevens weg waaraan iemand de cliënt kan herkennen.";

    [GeneratedRegex(@"[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // YY.MM.DD-XXX.CC with any of '.', '-', ' ' or nothing between the groups.
    [GeneratedRegex(@"(?<!\d)(\d{2})[.\- ]?(\d{2})[.\- ]?(\d{2})[.\- ]?(\d{3})[.\- ]?(\d{2})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NationalNumberPattern();

    // Belgian numbers: +32 / 0032 / 0, then 8 (fixed line) or 9 (mobile) digits, each after at most one space, dot,
    // slash or dash. A date (03/12/2024) has only 7 digits after its 0.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:\+32|0032|0)(?:[ ./-]?\d){8,9}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // A capitalised word, optionally particles (van, de, der, den, ter, el, …), and another capitalised word.
    [GeneratedRegex(@"(?<![\p{L}'-])(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)((?:\s+(?:[vV]an|[dD]e|[dD]er|[dD]en|[tT]er|[tT]en|[tT]e|[eE]l|[aA]l|[bB]en|[dD]a|[dD]i|[lL]e|[lL]a|[dD]u|[oO]p|'t))*)\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();

    /// <summary>Capitalised words that start a pair but are no first name: sentence openers, places of work, titles.</summary>
    private static readonly HashSet<string> NotAFirstName = new(StringComparer.Ordinal)
    {
        "De", "Het", "Een", "Die", "Dat", "Deze", "Dit", "Mijn", "Zijn", "Haar", "Onze", "Hun", "Jouw", "Uw", "Ik", "Hij", "Zij",
        "Ze", "We", "Wij", "Je", "Jij", "In", "Op", "Bij", "Met", "Na", "Voor", "Van", "Naar", "Om", "Als", "Toen", "Nu",
        "Maar", "En", "Of", "Want", "Dus", "Ook", "Nog", "Daarna", "Vandaag", "Gisteren", "Morgen", "Team", "Dienst",
        "Stad", "Sint", "Meneer", "Mevrouw", "Dokter", "Juf", "Meester", "Cliënt", "Client", "Coach", "Werkbegeleider",
        "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag", "Hoe", "Wat", "Waarom", "Wie",
        "Waar", "Wanneer", "Welke", "Kan", "Moet", "Zou", "Wil",
    };

    /// <summary>Capitalised words that end a pair but are no surname: places, organisations, months.</summary>
    private static readonly HashSet<string> NotASurname = new(StringComparer.Ordinal)
    {
        "Antwerpen", "Gent", "Brussel", "Leuven", "Brugge", "Mechelen", "Hasselt", "Limburg", "Vlaanderen", "België",
        "Noord", "Zuid", "Oost", "West", "Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus",
        "September", "Oktober", "November", "December",
    };

    public static IReadOnlyList<IdentifyingMatch> Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var found = new List<IdentifyingMatch>();
        var taken = new bool[text.Length];

        void Add(IdentifyingKind kind, Match match)
        {
            for (var i = match.Index; i < match.Index + match.Length; i++)
            {
                if (taken[i]) return;
            }
            for (var i = match.Index; i < match.Index + match.Length; i++) taken[i] = true;
            found.Add(new IdentifyingMatch(kind, match.Value.Trim(), match.Index));
        }

        foreach (Match match in EmailPattern().Matches(text)) Add(IdentifyingKind.Email, match);
        foreach (Match match in NationalNumberPattern().Matches(text))
        {
            if (LooksLikeNationalNumber(match)) Add(IdentifyingKind.NationalNumber, match);
        }
        foreach (Match match in PhonePattern().Matches(text)) Add(IdentifyingKind.PhoneNumber, match);
        foreach (Match match in NamePattern().Matches(text))
        {
            var first = match.Groups[1].Value;
            var last = match.Groups[3].Value;
            if (NotAFirstName.Contains(first) || NotASurname.Contains(last) || NotAFirstName.Contains(last)) continue;
            Add(IdentifyingKind.FullName, match);
        }
        return found.OrderBy(m => m.Index).ToList();
    }

    /// <summary>
    /// Written with separators (85.07.30-033.28) the pattern alone is enough: a mistyped number still identifies. As
    /// eleven bare digits it must also pass the check digits (97 minus the first nine digits modulo 97, with a 2 in
    /// front for births from 2000), so a dossier or account number is not taken for one.
    /// </summary>
    private static bool LooksLikeNationalNumber(Match match)
    {
        var month = int.Parse(match.Groups[2].Value);
        var day = int.Parse(match.Groups[3].Value);
        if (month > 12 || day > 31) return false;
        var formatted = match.Value.Any(c => c is '.' or '-');
        if (formatted) return true;
        var first = long.Parse(match.Groups[1].Value + match.Groups[2].Value + match.Groups[3].Value + match.Groups[4].Value);
        var check = int.Parse(match.Groups[5].Value);
        return 97 - first % 97 == check || 97 - (2_000_000_000 + first) % 97 == check;
    }
}
