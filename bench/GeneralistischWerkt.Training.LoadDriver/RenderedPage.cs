using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace GeneralistischWerkt.Training.LoadDriver;

/// <summary>
/// What a browser would show after applying the render batches of one circuit, kept only as far as the driver needs:
/// elements with their attributes and event handler ids, text, markup (as text) and child components. Edits are applied
/// the way blazor.web.js applies them (BrowserRenderer.applyEdits): a component's content is its own list of logical
/// children, a child component counts as one child of its parent, a region's children are spliced into its parent, and
/// element reference captures and named events add nothing.
/// </summary>
public sealed partial class RenderedPage
{
    private readonly Dictionary<int, List<Node>> components = [];
    private readonly List<int> roots = [];

    public abstract class Node;

    public sealed class Element(string name) : Node
    {
        public string Name { get; } = name;
        public Dictionary<string, string?> Attributes { get; } = [];
        /// <summary>Event name with its "on" prefix (e.g. "onclick") → event handler id.</summary>
        public Dictionary<string, long> Handlers { get; } = [];
        public List<Node> Children { get; } = [];

        public string? Attribute(string attributeName) => Attributes.GetValueOrDefault(attributeName);
        public bool HasClass(string className) =>
            Attribute("class")?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(className) == true;
    }

    public sealed class Text(string text) : Node
    {
        public string Value { get; set; } = text;
    }

    public sealed class Markup(string html) : Node
    {
        public string Html { get; } = html;
    }

    public sealed class ChildComponent(int componentId) : Node
    {
        public int ComponentId { get; } = componentId;
    }

    /// <summary>JS.AttachComponent: the server put a root component (Routes, HeadOutlet) on the page.</summary>
    public void AttachRoot(int componentId)
    {
        if (!roots.Contains(componentId)) roots.Add(componentId);
        components[componentId] = [];
        elements = null;
    }

    public void Apply(RenderBatch batch)
    {
        elements = null;
        foreach (var diff in batch.Diffs)
        {
            if (!components.TryGetValue(diff.ComponentId, out var content))
                throw new InvalidOperationException($"Render batch updates component {diff.ComponentId}, which is not on the page.");
            ApplyEdits(diff.Edits, content, batch.ReferenceFrames);
        }
        foreach (var id in batch.DisposedComponentIds)
        {
            components.Remove(id);
            roots.Remove(id);
        }
    }

    private void ApplyEdits(IReadOnlyList<Edit> edits, List<Node> content, IReadOnlyList<Frame> frames)
    {
        var parents = new Stack<List<Node>>();
        var current = content;
        List<(int From, int To)>? permutation = null;
        foreach (var edit in edits)
        {
            switch (edit.Type)
            {
                case EditType.PrependFrame:
                    InsertFrame(frames, edit.ReferenceFrameIndex, current, edit.SiblingIndex);
                    break;
                case EditType.RemoveFrame:
                    current.RemoveAt(edit.SiblingIndex);
                    break;
                case EditType.SetAttribute:
                    SetAttribute(ElementAt(current, edit.SiblingIndex), frames[edit.ReferenceFrameIndex]);
                    break;
                case EditType.RemoveAttribute:
                    var element = ElementAt(current, edit.SiblingIndex);
                    element.Attributes.Remove(edit.RemovedAttributeName!);
                    element.Handlers.Remove(edit.RemovedAttributeName!);
                    break;
                case EditType.UpdateText:
                    ((Text)current[edit.SiblingIndex]).Value = frames[edit.ReferenceFrameIndex].Text ?? "";
                    break;
                case EditType.UpdateMarkup:
                    current[edit.SiblingIndex] = new Markup(frames[edit.ReferenceFrameIndex].Text ?? "");
                    break;
                case EditType.StepIn:
                    parents.Push(current);
                    current = ElementAt(current, edit.SiblingIndex).Children;
                    break;
                case EditType.StepOut:
                    current = parents.Pop();
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((edit.SiblingIndex, edit.ReferenceFrameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var before = current.ToArray();
                    foreach (var (from, to) in permutation!) current[to] = before[from];
                    permutation = null;
                    break;
                default:
                    throw new InvalidOperationException($"Onbekend soort wijziging {(int)edit.Type}.");
            }
        }
    }

    private static Element ElementAt(List<Node> nodes, int index) =>
        nodes[index] as Element ?? throw new InvalidOperationException($"Child {index} is not an element.");

    /// <summary>Inserts the frame and its subtree at <paramref name="position"/>; returns how many children it added.</summary>
    private int InsertFrame(IReadOnlyList<Frame> frames, int index, List<Node> parent, int position)
    {
        var frame = frames[index];
        switch (frame.Type)
        {
            case FrameType.Element:
                var element = new Element(frame.Name ?? "");
                var end = index + frame.SubtreeLength;
                var child = index + 1;
                for (; child < end && frames[child].Type == FrameType.Attribute; child++) SetAttribute(element, frames[child]);
                InsertRange(frames, child, end, element.Children, 0);
                parent.Insert(position, element);
                return 1;
            case FrameType.Text:
                parent.Insert(position, new Text(frame.Text ?? ""));
                return 1;
            case FrameType.Markup:
                parent.Insert(position, new Markup(frame.Text ?? ""));
                return 1;
            case FrameType.Component:
                components[frame.ComponentId] = [];
                parent.Insert(position, new ChildComponent(frame.ComponentId));
                return 1;
            case FrameType.Region:
                return InsertRange(frames, index + 1, index + frame.SubtreeLength, parent, position);
            case FrameType.ElementReferenceCapture or FrameType.NamedEvent:
                return 0;
            default:
                throw new InvalidOperationException($"Frame type {(int)frame.Type} cannot be inserted here.");
        }
    }

    private int InsertRange(IReadOnlyList<Frame> frames, int start, int endExclusive, List<Node> parent, int position)
    {
        var inserted = 0;
        for (var index = start; index < endExclusive; index++)
        {
            inserted += InsertFrame(frames, index, parent, position + inserted);
            var frame = frames[index];
            if (frame.Type is FrameType.Element or FrameType.Component or FrameType.Region) index += frame.SubtreeLength - 1;
        }
        return inserted;
    }

    private static void SetAttribute(Element element, Frame attribute)
    {
        var name = attribute.Name ?? "";
        if (attribute.EventHandlerId != 0) element.Handlers[name] = attribute.EventHandlerId;
        // A boolean attribute arrives as "" (true) or null (false: the browser removes it).
        else if (attribute.Text is null) element.Attributes.Remove(name);
        else element.Attributes[name] = attribute.Text;
    }

    /// <summary>
    /// Every element on the page in document order, through child components. Kept until the next batch: the driver
    /// asks several questions of the page after every batch, and with thousands of players walking it again for each
    /// one was a sizeable part of the driver's CPU, which it shares with the app.
    /// </summary>
    public IReadOnlyList<Element> Elements()
    {
        if (elements is not null) return elements;
        var all = new List<Element>();
        foreach (var root in roots) Collect(components.GetValueOrDefault(root) ?? [], all);
        return elements = all;
    }

    private List<Element>? elements;

    private void Collect(List<Node> nodes, List<Element> into)
    {
        foreach (var node in nodes)
        {
            if (node is Element element)
            {
                into.Add(element);
                Collect(element.Children, into);
            }
            else if (node is ChildComponent child && components.TryGetValue(child.ComponentId, out var content))
            {
                Collect(content, into);
            }
        }
    }

    /// <summary>The text a reader sees in a node: text and markup (tags dropped), through child components.</summary>
    public string TextOf(Node node)
    {
        var text = new StringBuilder();
        AppendText(node, text);
        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private void AppendText(Node node, StringBuilder text)
    {
        switch (node)
        {
            case Text t: text.Append(t.Value); break;
            case Markup m: text.Append(' ').Append(WebUtility.HtmlDecode(Tags().Replace(m.Html, " "))).Append(' '); break;
            case Element e:
                foreach (var child in e.Children) AppendText(child, text);
                break;
            case ChildComponent c when components.TryGetValue(c.ComponentId, out var content):
                foreach (var child in content) AppendText(child, text);
                break;
        }
    }

    /// <summary>Buttons a user can click now: a click handler and not disabled.</summary>
    public IEnumerable<Element> ClickableButtons() =>
        Elements().Where(e => e.Name == "button" && e.Handlers.ContainsKey("onclick") && !e.Attributes.ContainsKey("disabled"));

    [GeneratedRegex(@"<[^>]*>")] private static partial Regex Tags();
    [GeneratedRegex(@"\s+")] private static partial Regex Whitespace();
}
