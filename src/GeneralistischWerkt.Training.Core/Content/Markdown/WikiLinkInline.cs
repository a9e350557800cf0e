using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneralistischWerkt.Training.Core.Content.Markdown;

/// <summary>An internal link <c>[[soort:id]]</c> or <c>[[soort:id|label]]</c> in a Markdown body.</summary>
public sealed class WikiLinkInline : LeafInline
{
    /// <summary>The text between <c>[[</c> and <c>]]</c>, as written.</summary>
    public required string Raw { get; init; }

    /// <summary>The part before <c>|</c>, trimmed: normally <c>soort:id</c>.</summary>
    public required string Target { get; init; }

    /// <summary>The part after <c>|</c>, trimmed and with line breaks turned into spaces; null when there is none.</summary>
    public string? Label { get; init; }

    /// <summary>True when <see cref="Target"/> has the shape <c>soort:id</c>.</summary>
    public bool IsWellFormed => ContentReference.TryParseTarget(Target, out _, out _);

    public string Kind => ContentReference.TryParseTarget(Target, out var kind, out _) ? kind : "";

    public string Id => ContentReference.TryParseTarget(Target, out _, out var id) ? id : "";
}

/// <summary>Reads <c>[[…]]</c> before Markdig's own link parser sees the brackets.</summary>
internal sealed class WikiLinkInlineParser : InlineParser
{
    public const int MaxLength = 400;

    public WikiLinkInlineParser()
    {
        OpeningCharacters = ['['];
    }

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        if (slice.PeekChar() != '[') return false;

        var text = slice.Text;
        var start = slice.Start;
        var contentStart = start + 2;
        var limit = Math.Min(slice.End, start + MaxLength);
        var pipe = -1;
        var close = -1;
        for (var i = contentStart; i < limit; i++)
        {
            var c = text[i];
            if (c == ']')
            {
                if (i + 1 <= slice.End && text[i + 1] == ']') close = i;
                break;
            }
            if (c == '[') return false;
            if (c == '|' && pipe < 0) pipe = i;
            else if (c is '\n' or '\r' && pipe < 0) return false;
        }
        if (close < 0 || close == contentStart) return false;

        var raw = text.Substring(contentStart, close - contentStart);
        string target;
        string? label = null;
        if (pipe < 0)
        {
            target = raw.Trim();
        }
        else
        {
            target = text.Substring(contentStart, pipe - contentStart).Trim();
            label = string.Join(' ', text.Substring(pipe + 1, close - pipe - 1)
                .Split(['\r', '\n', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            if (label.Length == 0) label = null;
        }

        var spanStart = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new WikiLinkInline
        {
            Raw = raw,
            Target = target,
            Label = label,
            Span = new SourceSpan(spanStart, spanStart + (close + 1 - start)),
            Line = line,
            Column = column,
        };
        slice.Start = close + 2;
        return true;
    }
}
