using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Win32.SafeHandles;

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
    /// <param name="root">The folder being read: a link to a file outside it is refused (see <see cref="ReadPooled"/>).</param>
    /// <param name="fileKind">Named in the too-large message ("... voor een inhoudsbestand") when the limit is specific to it.</param>
    public static string? Read(string fullPath, string file, string root, string code, long maxBytes, List<Diagnostic> diagnostics, string? fileKind = null)
    {
        using var text = ReadPooled(fullPath, file, root, code, maxBytes, diagnostics, fileKind);
        return text?.Memory.ToString();
    }

    /// <summary>
    /// <see cref="Read"/> without making a string: the same checks and diagnostics, but the text stays in a pooled
    /// buffer that the caller reads through <see cref="PooledText.Memory"/> and must dispose. For files that are
    /// parsed once and dropped (a scenario is 200 KiB of YAML; as a byte array plus a string that is 600 KiB on the
    /// large object heap per file, which the GC only reclaims in full collections).
    /// </summary>
    /// <remarks>
    /// Every file the loaders read comes through here, so these rules hold for all of them: only a regular file is
    /// opened (a FIFO would hang the reader, a device never ends; <see cref="RegularFile"/>); a link to a file is
    /// followed only when it ends inside <paramref name="root"/>, so a content folder can't pull in files from
    /// elsewhere on the machine; and at most <paramref name="maxBytes"/> + 1 bytes are read, whatever size the file
    /// reports (a file that grows while we read, or one that reports 0 like those in /proc).
    /// </remarks>
    public static PooledText? ReadPooled(string fullPath, string file, string root, string code, long maxBytes, List<Diagnostic> diagnostics, string? fileKind = null)
    {
        var start = new SourcePosition(file, 1, 1);
        byte[]? bytes = null;
        int length;
        try
        {
            if (SourceTree.LinkTargetOutside(fullPath, root) is { } outside)
            {
                diagnostics.Add(Diagnostic.Error(code, start,
                    $"het bestand is een snelkoppeling naar {outside}, buiten de map die gelezen wordt; kopieer het bestand naar hier"));
                return null;
            }
            using var handle = RegularFile.Open(fullPath, out var notRegular);
            if (handle is null)
            {
                diagnostics.Add(Diagnostic.Error(code, start,
                    $"het bestand kan niet gelezen worden: het is geen gewoon bestand maar {notRegular}"));
                return null;
            }
            bytes = ReadAtMost(handle, maxBytes, out length, out var sizeKnown);
            if (bytes is null)
            {
                var size = sizeKnown ? $"{length / 1024} KiB" : $"meer dan {maxBytes / 1024} KiB";
                var forKind = fileKind is null ? "" : $" voor {fileKind}";
                diagnostics.Add(Diagnostic.Error(code, start,
                    $"het bestand is te groot ({size}, maximaal {maxBytes / 1024} KiB){forKind}"));
                return null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            var reason = e switch
            {
                UnauthorizedAccessException => "er zijn geen leesrechten",
                FileNotFoundException or DirectoryNotFoundException => "het bestaat niet (meer) of is een kapotte snelkoppeling",
                LinkLoopException => "het is een snelkoppeling die in een kring naar zichzelf wijst",
                _ => "er trad een leesfout op",
            };
            diagnostics.Add(Diagnostic.Error(code, start, $"het bestand kan niet gelezen worden: {reason}"));
            return null;
        }
        try
        {
            return DecodePooled(bytes!, length, file, code, diagnostics);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// Reads into a pooled array (the first <paramref name="length"/> bytes) until the end of the file, or returns
    /// null once more than <paramref name="maxBytes"/> bytes are in. The reported length only sizes the first buffer:
    /// a larger one is believed at once (nothing is read; <paramref name="sizeKnown"/>), a smaller one is not.
    /// </summary>
    private static byte[]? ReadAtMost(SafeFileHandle handle, long maxBytes, out int length, out bool sizeKnown)
    {
        var limit = (int)Math.Min(maxBytes + 1, Array.MaxLength);
        var reported = SafeLength(handle);
        sizeKnown = reported > maxBytes;
        if (sizeKnown)
        {
            length = (int)Math.Min(reported, int.MaxValue);
            return null;
        }

        // One byte more than reported, so that the read that finds the end needs no larger buffer.
        var bytes = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(reported + 1, 4096), limit));
        length = 0;
        try
        {
            while (length < limit)
            {
                if (length == bytes.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)bytes.Length * 2, limit));
                    bytes.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(bytes);
                    bytes = larger;
                }
                var n = RandomAccess.Read(handle, bytes.AsSpan(length, Math.Min(bytes.Length, limit) - length), length);
                if (n == 0) break;
                length += n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(bytes);
            throw;
        }
        if (length <= maxBytes) return bytes;
        ArrayPool<byte>.Shared.Return(bytes);
        return null;
    }

    /// <summary>The size the file reports, 0 when it reports none.</summary>
    private static long SafeLength(SafeFileHandle handle)
    {
        try
        {
            return RandomAccess.GetLength(handle);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static PooledText? DecodePooled(byte[] buffer, int length, string file, string code, List<Diagnostic> diagnostics)
    {
        var bytes = buffer.AsSpan(0, length);
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var prefix = Encoding.UTF8.GetString(bytes[..nul]); // lenient: only used to find line and column
            diagnostics.Add(Diagnostic.Error(code, PositionAfter(prefix, file),
                "het bestand bevat NUL-tekens en is dus geen tekstbestand (binair bestand?)"));
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var at = PositionAfter(chars.AsSpan(0, charsWritten), file);
            ArrayPool<char>.Shared.Return(chars);
            diagnostics.Add(Diagnostic.Error(code, at,
                $"het bestand is geen geldige UTF-8-tekst (ongeldige byte 0x{bytes[Math.Min(bytesRead, length - 1)]:X2}); is het een binair bestand? Sla het op als UTF-8"));
            return null;
        }
        var start = charsWritten > 0 && chars[0] == '\uFEFF' ? 1 : 0;
        return new PooledText(chars, start, charsWritten - start);
    }

    /// <summary>The position just after <paramref name="prefix"/>.</summary>
    private static SourcePosition PositionAfter(ReadOnlySpan<char> prefix, string file)
    {
        var line = 1 + prefix.Count('\n');
        var lastNewline = prefix.LastIndexOf('\n');
        return new SourcePosition(file, line, prefix.Length - lastNewline);
    }
}

/// <summary>Text in a buffer rented from <see cref="ArrayPool{T}.Shared"/>; dispose it to give the buffer back.</summary>
internal sealed class PooledText : IDisposable
{
    private char[]? buffer;
    private readonly int start;

    public PooledText(char[] buffer, int start, int length)
    {
        this.buffer = buffer;
        this.start = start;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<char> Memory => new(buffer ?? throw new ObjectDisposedException(nameof(PooledText)), start, Length);

    public void Dispose()
    {
        if (buffer is null) return;
        ArrayPool<char>.Shared.Return(buffer);
        buffer = null;
    }
}

/// <summary>A <see cref="StringReader"/> over a <see cref="ReadOnlyMemory{T}"/> instead of a string.</summary>
internal sealed class MemoryTextReader(ReadOnlyMemory<char> text) : TextReader
{
    private int position;

    public override int Peek() => position < text.Length ? text.Span[position] : -1;

    public override int Read() => position < text.Length ? text.Span[position++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var n = Math.Min(buffer.Length, text.Length - position);
        if (n <= 0) return 0;
        text.Span.Slice(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override string ReadToEnd()
    {
        var rest = text.Span[position..].ToString();
        position = text.Length;
        return rest;
    }
}
