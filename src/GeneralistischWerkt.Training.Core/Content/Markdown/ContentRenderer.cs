using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace GeneralistischWerkt.Training.Core.Content.Markdown;

/// <summary>
/// The one place where content Markdown becomes HTML. Raw HTML is never rendered (it shows as text), internal links
/// go through an <see cref="IContentLinkResolver"/>, unknown targets become visibly broken text (never a link), and
/// links or images with a script-capable URL (<c>javascript:</c>, <c>data:</c>, …) are reduced to their text.
/// </summary>
public static class ContentRenderer
{
    /// <summary>CSS class of a resolved internal link.</summary>
    public const string LinkClass = "content-link";

    /// <summary>CSS class of the text shown for an internal link whose target doesn't exist.</summary>
    public const string BrokenLinkClass = "broken-link";

    public static string ToHtml(string? markdown, IContentLinkResolver linkResolver)
    {
        ArgumentNullException.ThrowIfNull(linkResolver);
        if (string.IsNullOrEmpty(markdown)) return "";

        var document = ContentMarkdown.Parse(markdown);
        RemoveUnsafeLinks(document);
        AddHeadingIds(document, linkResolver);

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        ContentMarkdown.Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Insert(0, new WikiLinkRenderer(linkResolver));
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>True for URLs we let through: relative ones, fragments, http(s), mailto and tel.</summary>
    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return true;
        // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"), so strip them first.
        var compact = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = compact.IndexOf(':');
        if (colon < 0) return true;
        var slash = compact.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return true; // the colon is in the path or query, not a scheme
        var scheme = compact[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    /// <summary>
    /// The anchor id for a heading text: lowercase, accents removed, every run of other characters a single '-'
    /// ("Risico's en valkuilen" → "risico-s-en-valkuilen"). Empty text gives "sectie".
    /// </summary>
    public static string HeadingId(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var id = new System.Text.StringBuilder(decomposed.Length);
        var dash = false;
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && id.Length > 0) id.Append('-');
                id.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else
            {
                dash = true;
            }
        }
        return id.Length == 0 ? "sectie" : id.ToString();
    }

    private static void AddHeadingIds(MarkdownDocument document, IContentLinkResolver resolver)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = ContentMarkdown.PlainText(heading.Inline, link =>
                link.Label ?? (ContentReference.TryParseTarget(link.Target, out var kind, out var id) ? resolver.Resolve(kind, id)?.Title : null) ?? link.Target);
            var baseId = HeadingId(text);
            var unique = baseId;
            for (var n = 1; !used.Add(unique); n++) unique = $"{baseId}-{n}";
            heading.GetAttributes().Id = unique;
        }
    }

    private static void RemoveUnsafeLinks(MarkdownDocument document)
    {
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (IsSafeUrl(link.Url)) continue;
            if (link.IsImage)
            {
                link.ReplaceBy(new LiteralInline(ContentMarkdown.PlainText(link)), copyChildren: false);
                continue;
            }
            // Keep the label (emphasis and all), drop the link around it.
            var children = link.ToList();
            foreach (var child in children)
            {
                child.Remove();
                link.InsertBefore(child);
            }
            link.Remove();
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafeUrl(autolink.Url)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
    }

    private sealed class WikiLinkRenderer(IContentLinkResolver resolver) : HtmlObjectRenderer<WikiLinkInline>
    {
        protected override void Write(HtmlRenderer renderer, WikiLinkInline link)
        {
            ResolvedContentLink? target = null;
            if (ContentReference.TryParseTarget(link.Target, out var kind, out var id))
            {
                target = resolver.Resolve(kind, id);
            }

            if (target is not null && IsSafeUrl(target.Url))
            {
                renderer.Write("<a href=\"").WriteEscapeUrl(target.Url).Write("\" class=\"").Write(LinkClass).Write("\">");
                renderer.WriteEscape(link.Label ?? target.Title);
                renderer.Write("</a>");
                return;
            }

            renderer.Write("<span class=\"").Write(BrokenLinkClass).Write("\" title=\"Ontbrekende link: ")
                .WriteEscape(link.Target).Write("\">");
            renderer.WriteEscape(link.Label ?? link.Target);
            renderer.Write(" (ontbrekende link)</span>");
        }
    }
}
