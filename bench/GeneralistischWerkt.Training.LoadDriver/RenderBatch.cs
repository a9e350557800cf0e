using System.Buffers.Binary;
using System.Text;

namespace GeneralistischWerkt.Training.LoadDriver;

/// <summary>
/// The subset of Blazor Server's binary render batch (the <c>byte[]</c> of the hub message <c>JS.RenderBatch</c>) that
/// the load driver reads. This file is the one place that knows the format; it was read from ASP.NET Core's
/// <c>RenderBatchWriter.cs</c> (server) and <c>OutOfProcessRenderBatch.ts</c> / <c>BrowserRenderer.ts</c> (browser) of
/// .NET 10, and is checked against batches captured from the running app (tests, <c>TestData/*.bin</c>).
///
/// <para>All integers are little-endian. The batch ends with five int32 offsets (from the start of the data):</para>
/// <code>
///   [len-20] updated components   → int32 count, then count × int32 offset of a diff
///   [len-16] reference frames     → int32 count, then count × 20-byte frame
///   [len-12] disposed component ids       → int32 count, then count × int32
///   [len-8]  disposed event handler ids   → int32 count, then count × int64
///   [len-4]  string table         → one int32 offset per string; at that offset a LEB128 byte length + UTF-8 bytes
/// </code>
/// <para>A diff: int32 component id, int32 edit count, then 16-byte edits of four int32:
/// (edit type, sibling index, reference frame index — or "move to" sibling for a permutation entry —,
/// string index of a removed attribute's name). Edit types: 1 prepend frame, 2 remove frame, 3 set attribute,
/// 4 remove attribute, 5 update text, 6 step in, 7 step out, 8 update markup, 9 permutation entry, 10 permutation end.</para>
/// <para>A frame: int32 frame type, then 16 bytes whose meaning depends on the type (a string index of -1 is null):</para>
/// <code>
///   1 element    subtree length, element name (string)
///   2 text       text (string)
///   3 attribute  name (string), value (string), event handler id (int64, 0 = not an event handler)
///   4 component  subtree length, component id
///   5 region     subtree length
///   6 element reference capture, 8 markup (string: html), 10 named event — frame types the driver skips or keeps as text
/// </code>
/// <para>Not read here: anything of a frame past these fields (the writer leaves the rest zero), and
/// frame types 7 and 9 (never sent to a browser).</para>
/// </summary>
public sealed class RenderBatch
{
    public required IReadOnlyList<ComponentDiff> Diffs { get; init; }
    public required IReadOnlyList<Frame> ReferenceFrames { get; init; }
    public required IReadOnlyList<int> DisposedComponentIds { get; init; }
    public required IReadOnlyList<long> DisposedEventHandlerIds { get; init; }

    public static RenderBatch Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20) throw new FormatException($"Een render batch van {data.Length} bytes is te kort.");
        var length = data.Length;
        var strings = new StringTable(data, Int32(data, length - 4));

        var diffsAt = Int32(data, length - 20);
        var diffs = new ComponentDiff[Int32(data, diffsAt)];
        for (var i = 0; i < diffs.Length; i++)
        {
            var diffAt = Int32(data, diffsAt + 4 + i * 4);
            var edits = new Edit[Int32(data, diffAt + 4)];
            for (var e = 0; e < edits.Length; e++)
            {
                var at = diffAt + 8 + e * 16;
                var type = (EditType)Int32(data, at);
                edits[e] = new Edit(type, Int32(data, at + 4), Int32(data, at + 8),
                    type == EditType.RemoveAttribute ? strings.Read(Int32(data, at + 12)) : null);
            }
            diffs[i] = new ComponentDiff(Int32(data, diffAt), edits);
        }

        var framesAt = Int32(data, length - 16);
        var frames = new Frame[Int32(data, framesAt)];
        for (var i = 0; i < frames.Length; i++) frames[i] = ReadFrame(data, framesAt + 4 + i * 20, strings);

        var disposedComponentsAt = Int32(data, length - 12);
        var disposedComponents = new int[Int32(data, disposedComponentsAt)];
        for (var i = 0; i < disposedComponents.Length; i++) disposedComponents[i] = Int32(data, disposedComponentsAt + 4 + i * 4);

        var disposedHandlersAt = Int32(data, length - 8);
        var disposedHandlers = new long[Int32(data, disposedHandlersAt)];
        for (var i = 0; i < disposedHandlers.Length; i++)
            disposedHandlers[i] = BinaryPrimitives.ReadInt64LittleEndian(data[(disposedHandlersAt + 4 + i * 8)..]);

        return new RenderBatch { Diffs = diffs, ReferenceFrames = frames, DisposedComponentIds = disposedComponents, DisposedEventHandlerIds = disposedHandlers };
    }

    private static Frame ReadFrame(ReadOnlySpan<byte> data, int at, StringTable strings)
    {
        var type = (FrameType)Int32(data, at);
        var a = Int32(data, at + 4);
        var b = Int32(data, at + 8);
        return type switch
        {
            FrameType.Element => new Frame(type, SubtreeLength: a, Name: strings.Read(b)),
            FrameType.Text or FrameType.Markup => new Frame(type, Text: strings.Read(a)),
            FrameType.Attribute => new Frame(type, Name: strings.Read(a), Text: strings.Read(b),
                EventHandlerId: BinaryPrimitives.ReadInt64LittleEndian(data[(at + 12)..])),
            FrameType.Component => new Frame(type, SubtreeLength: a, ComponentId: b),
            FrameType.Region => new Frame(type, SubtreeLength: a),
            _ => new Frame(type),
        };
    }

    private static int Int32(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadInt32LittleEndian(data[at..]);

    private readonly ref struct StringTable(ReadOnlySpan<byte> data, int tableAt)
    {
        private readonly ReadOnlySpan<byte> data = data;

        public string? Read(int index)
        {
            if (index == -1) return null;
            var at = Int32(data, tableAt + index * 4);
            // The length prefix is a LEB128 (7 bits per byte, high bit = more), as .NET's BinaryWriter writes it.
            var byteCount = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[at++];
                byteCount |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
            }
            return Encoding.UTF8.GetString(data.Slice(at, byteCount));
        }
    }
}

public enum EditType
{
    PrependFrame = 1, RemoveFrame = 2, SetAttribute = 3, RemoveAttribute = 4, UpdateText = 5,
    StepIn = 6, StepOut = 7, UpdateMarkup = 8, PermutationListEntry = 9, PermutationListEnd = 10,
}

public enum FrameType
{
    Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, ElementReferenceCapture = 6, Markup = 8, NamedEvent = 10,
}

/// <param name="ReferenceFrameIndex">The frame for prepend/set-attribute/update-text/update-markup; the target
/// sibling index for a permutation entry.</param>
public readonly record struct Edit(EditType Type, int SiblingIndex, int ReferenceFrameIndex, string? RemovedAttributeName);

public sealed record ComponentDiff(int ComponentId, IReadOnlyList<Edit> Edits);

/// <param name="Name">Element name or attribute name.</param>
/// <param name="Text">Text, markup, or attribute value.</param>
public readonly record struct Frame(FrameType Type, int SubtreeLength = 0, string? Name = null, string? Text = null,
    int ComponentId = 0, long EventHandlerId = 0);
