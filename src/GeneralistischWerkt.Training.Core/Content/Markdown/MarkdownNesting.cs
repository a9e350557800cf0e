namespace GeneralistischWerkt.Training.Core.Content.Markdown;

/// <summary>Where <see cref="MarkdownNesting"/> neutralised the first marker: 1-based line and column of the text given.</summary>
public sealed record NestingCut(int Line, int Column, char Marker);

/// <summary>
/// Caps nesting before Markdig sees the text. Markdig throws on documents nested deeper than 128 levels (hundreds of
/// <c>[</c>, <c>&gt;</c>, <c>*</c> or list markers), and its block parser slows down quadratically well before that.
/// This pre-pass counts, in one linear scan, an upper bound of the nesting a marker can open and escapes the marker
/// with a backslash once the bound would pass a sane depth, so the excess renders as the text it was typed as.
/// Ordinary prose never comes near the caps, and then the text is returned unchanged (the same string instance).
/// </summary>
/// <remarks>
/// The bounds are deliberately conservative; they only need to keep Markdig's total depth (blocks plus inlines, counted
/// together by its renderer) well under its limit:
/// <list type="bullet">
/// <item>Blocks, per line: every <c>&gt;</c> opens one level, every list marker two (the list and its item), and
/// indentation can only continue containers opened on earlier lines, at most one level per column.</item>
/// <item>Inlines, per paragraph: every <c>[</c> still open and every emphasis delimiter that can still open
/// (counted per delimiter character, with CommonMark's flanking rules) is one level. Only what surely closes counts
/// down: not a <c>]</c> directly followed by <c>[</c> (Markdig keeps <c>[a</c> open in <c>[a][b]x</c>), and nothing
/// after a backtick run that isn't closed on its line (it may open a code span over several lines). Code spans closed
/// on their line and internal links <c>[[…]]</c> are skipped as the leaves they are.</item>
/// </list>
/// The property tests (PropertyTests in the Core tests) check on generated nested text that Markdig never fails
/// after this pass.
/// </remarks>
public static class MarkdownNesting
{
    /// <summary>Block levels allowed (16 nested lists, or 32 nested quotes).</summary>
    public const int MaxBlockDepth = 32;

    /// <summary>Inline levels allowed (links, images and emphasis inside each other).</summary>
    public const int MaxInlineDepth = 32;

    private static readonly System.Buffers.SearchValues<char> LineEnds = System.Buffers.SearchValues.Create("\n\r");

    /// <summary>The text with every marker beyond the caps escaped; the same instance when nothing had to change.</summary>
    public static string Limit(string markdown) => Limit(markdown, out _);

    /// <inheritdoc cref="Limit(string)"/>
    /// <param name="markdown">The Markdown text.</param>
    /// <param name="firstCut">Where the first marker was escaped, or null when the text was left as it is.</param>
    public static string Limit(string markdown, out NestingCut? firstCut)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var rewriter = new Rewriter(markdown);
        var openBlockDepth = 0;
        var inline = new InlineState();
        for (var lineStart = 0; lineStart <= markdown.Length; rewriter.Line++)
        {
            // CommonMark ends a line at "\n", "\r\n" and a lone "\r".
            var lineLength = markdown.AsSpan(lineStart).IndexOfAny(LineEnds);
            var lineEnd = lineLength < 0 ? markdown.Length : lineStart + lineLength;
            rewriter.LineStart = lineStart;

            var (contentStart, depth) = ScanBlockPrefix(markdown, lineStart, lineEnd, openBlockDepth, rewriter);
            openBlockDepth = Math.Max(openBlockDepth, depth);
            if (IsBlank(markdown, contentStart, lineEnd)) inline = new InlineState(); // a blank line ends every paragraph
            else ScanInlines(markdown, contentStart, lineEnd, ref inline, rewriter);

            lineStart = lineEnd + (lineEnd + 1 < markdown.Length && markdown[lineEnd] == '\r' && markdown[lineEnd + 1] == '\n' ? 2 : 1);
        }
        firstCut = rewriter.FirstCut;
        return rewriter.Result();
    }

    /// <summary>Copies the text lazily, with a backslash before each escaped marker.</summary>
    private sealed class Rewriter(string text)
    {
        private System.Text.StringBuilder? output;
        private int copied; // text[..copied] is already in output

        public int Line { get; set; }
        public int LineStart { get; set; }
        public NestingCut? FirstCut { get; private set; }

        public void Escape(int at)
        {
            FirstCut ??= new NestingCut(Line + 1, at - LineStart + 1, text[at]);
            output ??= new System.Text.StringBuilder(text.Length + 64);
            output.Append(text, copied, at - copied).Append('\\');
            copied = at;
        }

        public string Result() => output is null ? text : output.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>
    /// Walks the container markers at the start of a line (<c>&gt;</c>, <c>-</c>, <c>+</c>, <c>*</c>, <c>1.</c>,
    /// <c>1)</c> and the whitespace between them) and escapes the first one that would pass the cap.
    /// </summary>
    private static (int ContentStart, int Depth) ScanBlockPrefix(string text, int start, int end, int openDepth, Rewriter rewriter)
    {
        var quotes = 0;
        var lists = 0;
        var indent = 0;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is ' ' or '\t' or '\r')
            {
                indent += c == '\t' ? 4 : 1;
                i++;
                continue;
            }

            int markerLength;
            int cost;
            if (c == '>')
            {
                markerLength = 1;
                cost = 1;
            }
            else if (ListMarkerLength(text, i, end) is > 0 and var length)
            {
                markerLength = length;
                cost = 2;
            }
            else
            {
                break;
            }

            var depth = quotes + 2 * lists + Math.Min(openDepth, indent) + cost;
            if (depth > MaxBlockDepth)
            {
                // "1." is neutralised by escaping its '.', the others by escaping the marker itself.
                rewriter.Escape(i + markerLength - 1);
                return (i + markerLength, quotes + 2 * lists + Math.Min(openDepth, indent));
            }
            if (cost == 1) quotes++; else lists++;
            i += markerLength;
            // One space belongs to the marker; more is indentation that may continue an inner list.
            if (i < end && text[i] == ' ') i++;
        }
        return (i, quotes + 2 * lists + Math.Min(openDepth, indent));
    }

    /// <summary>Length of a list marker at <paramref name="at"/> (<c>-</c>, <c>+</c>, <c>*</c>, up to nine digits and <c>.</c>/<c>)</c>), followed by whitespace or the end of the line; 0 if none.</summary>
    private static int ListMarkerLength(string text, int at, int end)
    {
        var i = at;
        if (text[i] is '-' or '+' or '*')
        {
            i++;
        }
        else
        {
            while (i < end && i - at < 9 && char.IsAsciiDigit(text[i])) i++;
            if (i == at || i >= end || text[i] is not ('.' or ')')) return 0;
            i++;
        }
        return i >= end || text[i] is ' ' or '\t' or '\r' ? i - at : 0;
    }

    private static bool IsBlank(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] is not (' ' or '\t' or '\r')) return false;
        }
        return true;
    }

    private struct InlineState
    {
        public int Brackets;
        public int Stars;
        public int Underscores;

        /// <summary>
        /// A backtick run without a closing run on its line: Markdig may read a code span over several lines, so
        /// from here to the end of the paragraph no "]" or emphasis delimiter is trusted to close anything.
        /// </summary>
        public bool MaybeInCode;

        public readonly int Depth => Brackets + Stars + Underscores;
    }

    /// <summary>Counts open brackets and emphasis delimiters in a line of a paragraph and escapes those beyond the cap.</summary>
    private static void ScanInlines(string text, int start, int end, ref InlineState state, Rewriter rewriter)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\' when i + 1 < end && IsAsciiPunctuation(text[i + 1]):
                    i++; // an escaped character is text already
                    break;
                case '[' when WikiLinkEnd(text, i, end) is > 0 and var wikiEnd:
                    i = wikiEnd - 1; // [[soort:id]] is one leaf, whatever it holds
                    break;
                case '[':
                    if (state.Depth >= MaxInlineDepth) rewriter.Escape(i);
                    else state.Brackets++;
                    break;
                case ']':
                    // Markdig leaves the opener open when "]" is followed by an undefined "[label]" ("[a][b]x"), so
                    // only a "]" not followed by "[" counts as closing one.
                    if (state.Brackets > 0 && !state.MaybeInCode && (i + 1 >= end || text[i + 1] != '[')) state.Brackets--;
                    break;
                case '`' when !state.MaybeInCode:
                {
                    // A code span is text: skip to the closing run of the same length on this line, if there is one.
                    var runEnd = RunEnd(text, i, end);
                    var close = ClosingRun(text, runEnd, end, runEnd - i);
                    if (close < 0) state.MaybeInCode = true;
                    i = (close < 0 ? runEnd : close) - 1;
                    break;
                }
                case '*' or '_':
                {
                    var runEnd = RunEnd(text, i, end);
                    var length = runEnd - i;
                    var before = i > start ? text[i - 1] : ' ';
                    var after = runEnd < end ? text[runEnd] : ' ';
                    var (canOpen, canClose) = Flanking(c, before, after);
                    ref var open = ref c == '*' ? ref state.Stars : ref state.Underscores;
                    if (canClose && !state.MaybeInCode) open -= Math.Min(open, length);
                    if (canOpen)
                    {
                        if (state.Depth + length > MaxInlineDepth)
                        {
                            for (var k = i; k < runEnd; k++) rewriter.Escape(k);
                        }
                        else
                        {
                            open += length;
                        }
                    }
                    i = runEnd - 1;
                    break;
                }
            }
        }
    }

    private static int RunEnd(string text, int start, int end)
    {
        var i = start;
        while (i < end && text[i] == text[start]) i++;
        return i;
    }

    /// <summary>The end of the first run of exactly <paramref name="length"/> backticks from <paramref name="from"/>, or -1.</summary>
    private static int ClosingRun(string text, int from, int end, int length)
    {
        for (var i = from; i < end; i++)
        {
            if (text[i] != '`') continue;
            var runEnd = RunEnd(text, i, end);
            if (runEnd - i == length) return runEnd;
            i = runEnd - 1;
        }
        return -1;
    }

    /// <summary>
    /// The end (after <c>]]</c>) of an internal link starting at <paramref name="at"/>, by the rules of
    /// <see cref="WikiLinkInlineParser"/>: no <c>[</c> inside and closed on the same line; 0 if there is none.
    /// </summary>
    private static int WikiLinkEnd(string text, int at, int end)
    {
        if (at + 1 >= end || text[at + 1] != '[') return 0;
        var limit = Math.Min(end, at + WikiLinkInlineParser.MaxLength);
        for (var i = at + 2; i < limit; i++)
        {
            if (text[i] == '[') return 0;
            if (text[i] == ']') return i > at + 2 && i + 1 < end && text[i + 1] == ']' ? i + 2 : 0;
        }
        return 0;
    }

    private static bool IsAsciiPunctuation(char c) => c is (>= '!' and <= '/') or (>= ':' and <= '@') or (>= '[' and <= '`') or (>= '{' and <= '~');

    /// <summary>CommonMark's rules for whether a delimiter run can open and/or close emphasis.</summary>
    private static (bool CanOpen, bool CanClose) Flanking(char delimiter, char before, char after)
    {
        var afterSpace = char.IsWhiteSpace(after);
        var beforeSpace = char.IsWhiteSpace(before);
        var afterPunctuation = char.IsPunctuation(after) || char.IsSymbol(after);
        var beforePunctuation = char.IsPunctuation(before) || char.IsSymbol(before);
        var left = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation);
        var right = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation);
        return delimiter == '*'
            ? (left, right)
            : (left && (!right || beforePunctuation), right && (!left || afterPunctuation));
    }
}
