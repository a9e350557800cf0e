using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using GeneralistischWerkt.Training.Core.Content;

namespace GeneralistischWerkt.Training.Core.Learning;

/// <summary>A piece of a search snippet; hits are marked so the page can highlight them without raw HTML.</summary>
public sealed record SnippetPart(string Text, bool IsHit);

public sealed record SearchHit(ContentItem Item, int Score, IReadOnlyList<SnippetPart> TitleParts, IReadOnlyList<SnippetPart> Snippet);

/// <summary>
/// Full-text search over all content: every query word must occur (case- and accent-insensitive) in the title,
/// summary or text of an item. Title hits weigh more. Snippets show the text around the first hit.
/// </summary>
public sealed partial class ContentSearch
{
    private const int SnippetRadius = 90;
    private readonly List<(ContentItem Item, string Text, string FoldedText, string FoldedTitle)> index;

    public ContentSearch(ContentLibrary library)
    {
        index = library.Items
            .Select(item =>
            {
                var text = PlainText($"{item.Summary}\n{item.Body}\n{ChecksText(item)}");
                return (item, text, Fold(text), Fold(item.Title));
            })
            .ToList();
    }

    public IReadOnlyList<SearchHit> Search(string? query, int limit = 50)
    {
        var words = Words(query);
        if (words.Count == 0) return [];
        var hits = new List<SearchHit>();
        foreach (var (item, text, folded, foldedTitle) in index)
        {
            var score = 0;
            var all = true;
            foreach (var word in words)
            {
                var inTitle = Count(foldedTitle, word);
                var inText = Count(folded, word);
                if (inTitle + inText == 0) { all = false; break; }
                score += inTitle * 10 + Math.Min(inText, 20);
            }
            if (!all) continue;
            hits.Add(new SearchHit(item, score, Highlight(item.Title, foldedTitle, words), Snippet(text, folded, words)));
        }
        return hits.OrderByDescending(h => h.Score).ThenBy(h => h.Item.Title, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static IReadOnlyList<string> Words(string? query) =>
        (query ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Fold)
            .Select(w => w.Trim('"', '\'', '.', ',', '?', '!', ':', ';', '(', ')'))
            .Where(w => w.Length >= 2)
            .Distinct()
            .Take(8)
            .ToList();

    private static int Count(string haystack, string word)
    {
        var count = 0;
        for (var at = haystack.IndexOf(word, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static IReadOnlyList<SnippetPart> Snippet(string text, string folded, IReadOnlyList<string> words)
    {
        var first = words.Select(w => folded.IndexOf(w, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - SnippetRadius);
        var end = Math.Min(text.Length, first + SnippetRadius * 2);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var parts = Highlight(text[start..end], folded[start..end], words).ToList();
        if (start > 0) parts.Insert(0, new SnippetPart("… ", false));
        if (end < text.Length) parts.Add(new SnippetPart(" …", false));
        return parts;
    }

    /// <summary>Splits text into hit and non-hit parts. Folding keeps string length, so positions carry over.</summary>
    private static IReadOnlyList<SnippetPart> Highlight(string text, string folded, IReadOnlyList<string> words)
    {
        var marked = new bool[text.Length];
        foreach (var word in words)
        {
            for (var at = folded.IndexOf(word, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(word, at + word.Length, StringComparison.Ordinal))
                for (var i = at; i < at + word.Length && i < marked.Length; i++) marked[i] = true;
        }
        var parts = new List<SnippetPart>();
        var begin = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || marked[i] != marked[begin])
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
