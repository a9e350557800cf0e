namespace GeneralistischWerkt.Training.Core.Content;

/// <summary>
/// A place in a content file. <see cref="File"/> is relative to the content root, with '/' separators;
/// <see cref="Line"/> and <see cref="Column"/> are 1-based.
/// </summary>
public readonly record struct SourcePosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
