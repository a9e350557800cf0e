using System.Net;
using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// An independent check of rendered HTML (it doesn't use the renderer's own allow-list): no script-capable element, no
/// event-handler attribute, and no <c>href</c>/<c>src</c> whose scheme, after entity and percent decoding and with the
/// characters browsers ignore removed, is anything but http, https, mailto or tel.
/// </summary>
internal static partial class HtmlSafety
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto", "tel"];

    /// <summary>Null when the HTML is safe, else what is wrong.</summary>
    public static string? Problem(string html)
    {
        if (DangerousElement().Match(html) is { Success: true } element) return $"element {element.Value}";
        foreach (Match tag in Tag().Matches(html))
        {
            // Attribute names only: quoted values may say anything (escaped), the renderer quotes every value with '"'.
            var names = QuotedValue().Replace(tag.Value, "\"\"");
            if (EventHandler().Match(names) is { Success: true } handler) return $"event handler {handler.Value} in {tag.Value}";
            foreach (Match attribute in UrlAttribute().Matches(tag.Value))
            {
                var url = attribute.Groups["url"].Value;
                if (SchemeOf(url) is { } scheme && !AllowedSchemes.Contains(scheme)) return $"scheme '{scheme}' in {tag.Value}";
            }
        }
        return null;
    }

    public static void AssertSafe(string html, string input)
    {
        if (Problem(html) is { } problem) Assert.Fail($"{problem}\ninput: {Show(input)}\nhtml: {Show(html)}");
    }

    /// <summary>The scheme a browser would see, lower case; null for a relative URL.</summary>
    public static string? SchemeOf(string attributeValue)
    {
        var url = WebUtility.HtmlDecode(attributeValue);
        for (var round = 0; round < 3; round++) url = Uri.UnescapeDataString(url); // also %25xx
        url = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        var colon = url.IndexOf(':');
        if (colon <= 0) return null;
        var scheme = url[..colon];
        // WHATWG: a scheme is a letter followed by letters, digits, '+', '-' or '.'; anything else makes the URL relative.
        return char.IsAsciiLetter(scheme[0]) && scheme.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') ? scheme : null;
    }

    private static string Show(string text) => text.Length <= 600 ? text : text[..600] + $"… ({text.Length} tekens)";

    [GeneratedRegex(@"<\s*/?\s*(script|iframe|style|object|embed|svg|math|base|meta|link|form)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DangerousElement();

    [GeneratedRegex(@"<[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"""[^""]*""")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"[\s""'/]on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"\b(href|src|action|formaction|xlink:href)\s*=\s*""(?<url>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
