using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Learning;

/// <summary>A piece of a search snippet; hits are marked so the page can highlight them without raw HTML.</summary>
public sealed record SnippetPart(string Text, bool IsHit);

public sealed record SearchHit(ContentItem Item, int Score, IReadOnlyList<SnippetPart> TitleParts, IReadOnlyList<SnippetPart> Snippet);

/// <summary>All that matched: the true total, the hits shown (at most the limit) and how many of each kind matched.</summary>
public sealed record SearchResults(int Total, IReadOnlyList<SearchHit> Hits, IReadOnlyList<(ContentKind Kind, int Count)> Kinds)
{
    public static SearchResults None { get; } = new(0, [], []);
}

/// <summary>
/// Full-text search over all content: every query word must occur (case- and accent-insensitive) in the title,
/// summary or text of an item, as part of a word or in another form of it (<see cref="DutchWordForms"/>: "doorverwijs"
/// finds "doorverwijzen"). Title hits weigh more. Snippets show the text around the first hit.
/// </summary>
public sealed partial class ContentSearch
{
    private const int SnippetRadius = 90;
    private readonly List<Entry> index;

    /// <summary>A word of the folded text: where it is and its reduced form.</summary>
    private readonly record struct Token(int Start, int Length, string Stem);

    private sealed record Entry(ContentItem Item, string Text, string Folded, Token[] TextTokens, string FoldedTitle, Token[] TitleTokens);

    /// <summary>A query word: as typed (folded) and reduced.</summary>
    private readonly record struct QueryWord(string Folded, string Stem);

    public ContentSearch(ContentLibrary library)
    {
        index = library.Items
            .Select(item =>
            {
                var text = PlainText($"{item.Summary}\n{item.Body}\n{ChecksText(item)}");
                var folded = Fold(text);
                var title = Fold(item.Title);
                return new Entry(item, text, folded, Tokens(folded), title, Tokens(title));
            })
            .ToList();
    }

    public IReadOnlyList<SearchHit> Search(string? query, int limit = 50) => Find(query, null, limit).Hits;

    /// <summary>Searches, optionally only items of one kind; the kind counts are over all kinds, so a filter can be changed.</summary>
    public SearchResults Find(string? query, ContentKind? kind = null, int limit = 50)
    {
        var words = Words(query);
        if (words.Count == 0) return SearchResults.None;
        var matched = new List<(Entry Entry, int Score)>();
        foreach (var entry in index)
        {
            var score = 0;
            var all = true;
            foreach (var word in words)
            {
                var inTitle = Matches(entry.FoldedTitle, entry.TitleTokens, word).Count;
                var inText = Matches(entry.Folded, entry.TextTokens, word).Count;
                if (inTitle + inText == 0) { all = false; break; }
                score += inTitle * 10 + Math.Min(inText, 20);
            }
            if (all) matched.Add((entry, score));
        }
        var kinds = matched.GroupBy(m => m.Entry.Item.Kind).Select(g => (g.Key, g.Count())).OrderBy(k => k.Key).ToList();
        var shown = matched.Where(m => kind is null || m.Entry.Item.Kind == kind).ToList();
        var hits = shown
            .OrderByDescending(m => m.Score).ThenBy(m => m.Entry.Item.Title, StringComparer.Ordinal)
            .Take(limit)
            .Select(m => new SearchHit(m.Entry.Item, m.Score,
                Highlight(m.Entry.Item.Title, m.Entry.FoldedTitle, m.Entry.TitleTokens, words),
                Snippet(m.Entry, words)))
            .ToList();
        return new SearchResults(shown.Count, hits, kinds);
    }

    private static IReadOnlyList<QueryWord> Words(string? query) =>
        (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Fold)
            .Select(w => w.Trim('"', '\'', '.', ',', '?', '!', ':', ';', '(', ')'))
            .Where(w => w.Length >= 2)
            .Distinct()
            .Take(8)
            .Select(w => new QueryWord(w, DutchWordForms.Stem(w)))
            .ToList();

    private static Token[] Tokens(string folded)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < folded.Length;)
        {
            if (!char.IsLetterOrDigit(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i])) i++;
            tokens.Add(new Token(start, i - start, DutchWordForms.Stem(folded[start..i])));
        }
        return tokens.ToArray();
    }

    /// <summary>
    /// Where a query word matches: each place it occurs as typed (also inside a longer word), and each whole word whose
    /// reduced form starts with the query's reduced form (another form of the same word).
    /// </summary>
    private static List<(int Start, int Length)> Matches(string folded, Token[] tokens, QueryWord word)
    {
        var found = new List<(int Start, int Length)>();
        for (var at = folded.IndexOf(word.Folded, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word.Folded, at + word.Folded.Length, StringComparison.Ordinal))
            found.Add((at, word.Folded.Length));
        if (word.Stem.Length < 3) return found;
        foreach (var token in tokens)
        {
            if (!token.Stem.StartsWith(word.Stem, StringComparison.Ordinal)) continue;
            // Already counted when the word as typed lies inside this token.
            if (found.Any(f => f.Start >= token.Start && f.Start < token.Start + token.Length)) continue;
            found.Add((token.Start, token.Length));
        }
        return found;
    }

    private static IReadOnlyList<SnippetPart> Snippet(Entry entry, IReadOnlyList<QueryWord> words)
    {
        var (text, folded) = (entry.Text, entry.Folded);
        var first = words.SelectMany(w => Matches(folded, entry.TextTokens, w)).Select(m => m.Start).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - SnippetRadius);
        var end = Math.Min(text.Length, first + SnippetRadius * 2);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var parts = Highlight(text, folded, entry.TextTokens, words, start, end).ToList();
        if (start > 0) parts.Insert(0, new SnippetPart("… ", false));
        if (end < text.Length) parts.Add(new SnippetPart(" …", false));
        return parts;
    }

    /// <summary>
    /// Splits text[from..to] into hit and non-hit parts. Folding keeps string length, so positions found in the folded
    /// text carry over to the original.
    /// </summary>
    private static IReadOnlyList<SnippetPart> Highlight(string text, string folded, Token[] tokens, IReadOnlyList<QueryWord> words,
        int from = 0, int to = -1)
    {
        if (to < 0) to = text.Length;
        var marked = new bool[text.Length];
        foreach (var word in words)
            foreach (var (at, length) in Matches(folded, tokens, word))
                for (var i = at; i < at + length && i < marked.Length; i++) marked[i] = true;
        var parts = new List<SnippetPart>();
        var begin = from;
        for (var i = from + 1; i <= to; i++)
        {
            if (i == to || marked[i] != marked[begin])
            {
                parts.Add(new SnippetPart(text[begin..i], marked[begin]));
                begin = i;
            }
        }
        return parts;
    }

    /// <summary>Lower case, accents removed, one character for one character (so indexes match the original).</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch < 128 || char.IsSurrogate(ch))
            {
                // A surrogate on its own can't be normalised (Normalize throws); it has no accent to remove anyway.
                builder.Append(char.ToLowerInvariant(ch));
                continue;
            }
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var baseChar = decomposed.FirstOrDefault(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
            builder.Append(char.ToLowerInvariant(baseChar == default ? ch : baseChar));
        }
        return builder.ToString();
    }

    /// <summary>
    /// Markdown to readable text: link syntax reduced to its label, markup characters and headings dropped. The patterns
    /// run without backtracking, so their time stays linear in the text whatever an author writes (thousands of '[').
    /// </summary>
    private static string PlainText(string markdown)
    {
        var text = WikiLink().Replace(markdown, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["id"].Value.Replace('-', ' '));
        text = MarkdownLink().Replace(text, "$1");
        text = Markup().Replace(text, " ");
        return Whitespace().Replace(text, " ").Trim();
    }

    private static string ChecksText(ContentItem item) => string.Join("\n", item.Checks.Select(c => c.Question));

    [GeneratedRegex(@"\[\[(?<kind>[a-z]+):(?<id>[a-z0-9-]+)(\|(?<label>[^\]]+))?\]\]", RegexOptions.NonBacktracking)]
    private static partial Regex WikiLink();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)", RegexOptions.NonBacktracking)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(^|\n)#+ |[*_`>|]|^-{3,}|\n\s*[-+] ", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex Markup();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
