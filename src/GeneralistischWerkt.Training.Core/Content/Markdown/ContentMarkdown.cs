using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneralistischWerkt.Training.Core.Content.Markdown;

/// <summary>The one Markdown pipeline for content: CommonMark plus pipe tables and heading ids, raw HTML disabled, internal links.</summary>
internal static class ContentMarkdown
{
    public static MarkdownPipeline Pipeline { get; } = Build();

    private static MarkdownPipeline Build()
    {
        var builder = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UsePreciseSourceLocation();
        builder.InlineParsers.InsertBefore<LinkInlineParser>(new WikiLinkInlineParser());
        return builder.Build();
    }

    /// <summary>
    /// Parses with nesting capped first (<see cref="MarkdownNesting"/>), so Markdig's depth limit is out of reach.
    /// Can still throw if Markdig fails on something else; use <see cref="TryParse"/> where that must not escape.
    /// </summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(MarkdownNesting.Limit(markdown), Pipeline);

    /// <summary><see cref="Parse"/>, with any failure of Markdig returned instead of thrown.</summary>
    public static MarkdownDocument? TryParse(string markdown, out Exception? failure)
    {
        try
        {
            failure = null;
            return Parse(markdown);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e;
            return null;
        }
    }

    /// <summary>
    /// The plain text of a heading (literals, code and link labels), for matching section names. Walks the tree with
    /// its own stack rather than recursion, so no nesting can exhaust the call stack.
    /// </summary>
    public static string PlainText(ContainerInline? inline, Func<WikiLinkInline, string>? linkText = null)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        var pending = new Stack<Inline>();
        pending.Push(inline);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case WikiLinkInline link: text.Append(linkText?.Invoke(link) ?? link.Label ?? link.Target); break;
                case LineBreakInline: text.Append(' '); break;
                case ContainerInline container:
                    // Pushed last to first, so the first child comes off the stack first.
                    for (var child = container.LastChild; child is not null; child = child.PreviousSibling) pending.Push(child);
                    break;
            }
        }
        return string.Join(' ', text.ToString().Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }
}
