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

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>The plain text of a heading (literals, code and link labels), for matching section names.</summary>
    public static string PlainText(ContainerInline? inline, Func<WikiLinkInline, string>? linkText = null)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        Append(inline);
        return string.Join(' ', text.ToString().Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

        void Append(Inline node)
        {
            switch (node)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case WikiLinkInline link: text.Append(linkText?.Invoke(link) ?? link.Label ?? link.Target); break;
                case LineBreakInline: text.Append(' '); break;
                case ContainerInline container:
                    foreach (var child in container) Append(child);
                    break;
            }
        }
    }
}
