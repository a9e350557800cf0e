namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>A part of an item's body that starts with a level-2 heading (<c>## Heading</c>).</summary>
/// <param name="Heading">The heading text, without the <c>##</c>.</param>
/// <param name="Markdown">The Markdown below the heading, up to the next level-2 heading.</param>
/// <param name="Position">Where the heading is.</param>
public sealed record ContentSection(string Heading, string Markdown, SourcePosition Position);
