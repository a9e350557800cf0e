using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Reads hand-written files (content, scenarios, competenties.yml) as strict UTF-8. Authors save files from many
/// editors; a binary or wrongly encoded file must become one clear diagnostic, never mojibake that fails later
/// with a confusing YAML or Markdown message.
/// </summary>
internal static class StrictTextFile
{
    /// <summary>
    /// The file's text without a BOM, or null after reporting under <paramref name="code"/> why it can't be used.
    /// </summary>
    /// <param name="file">The path shown in diagnostics.</param>
    /// <param name="fileKind">Named in the too-large message ("... voor een inhoudsbestand") when the limit is specific to it.</param>
    public static string? Read(string fullPath, string file, string code, long maxBytes, List<Diagnostic> diagnostics, string? fileKind = null)
    {
        var start = new SourcePosition(file, 1, 1);
        byte[] bytes;
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > maxBytes)
            {
                var forKind = fileKind is null ? "" : $" voor {fileKind}";
                diagnostics.Add(Diagnostic.Error(code, start,
                    $"het bestand is te groot ({info.Length / 1024} KiB, maximaal {maxBytes / 1024} KiB){forKind}"));
                return null;
            }
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            var reason = e switch
            {
                UnauthorizedAccessException => "er zijn geen leesrechten",
                FileNotFoundException or DirectoryNotFoundException => "het bestaat niet (meer) of is een kapotte snelkoppeling",
                _ => "er trad een leesfout op",
            };
            diagnostics.Add(Diagnostic.Error(code, start, $"het bestand kan niet gelezen worden: {reason}"));
            return null;
        }
        return Decode(bytes, file, code, diagnostics);
    }

    private static string? Decode(byte[] bytes, string file, string code, List<Diagnostic> diagnostics)
    {
        // NUL never occurs in text but is valid UTF-8, so the decoder alone would let a binary file through.
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var prefix = Encoding.UTF8.GetString(bytes, 0, nul); // lenient: only used to find line and column
            diagnostics.Add(Diagnostic.Error(code, PositionAfter(prefix, file),
                "het bestand bevat NUL-tekens en is dus geen tekstbestand (binair bestand?)"));
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, bytes.Length));
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                var at = PositionAfter(chars.AsSpan(0, charsWritten), file);
                diagnostics.Add(Diagnostic.Error(code, at,
                    $"het bestand is geen geldige UTF-8-tekst (ongeldige byte 0x{bytes[Math.Min(bytesRead, bytes.Length - 1)]:X2}); is het een binair bestand? Sla het op als UTF-8"));
                return null;
            }
            var text = chars.AsSpan(0, charsWritten);
            if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
            return new string(text);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The position just after <paramref name="prefix"/>.</summary>
    private static SourcePosition PositionAfter(ReadOnlySpan<char> prefix, string file)
    {
        var line = 1 + prefix.Count('\n');
        var lastNewline = prefix.LastIndexOf('\n');
        return new SourcePosition(file, line, prefix.Length - lastNewline);
    }
}
