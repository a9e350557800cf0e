namespace GeneralistischWerkt.Training.Core.Content;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found in content. Formats as <c>path:line:col: error CODE: message</c> (or <c>warning</c>), with
/// <see cref="File"/> relative to the content root and a Dutch message for authors.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string File, int Line, int Column, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public SourcePosition Position => new(File, Line, Column);

    public static Diagnostic Error(string code, SourcePosition at, string message) =>
        new(code, DiagnosticSeverity.Error, at.File, at.Line, at.Column, message);

    public static Diagnostic Warning(string code, SourcePosition at, string message) =>
        new(code, DiagnosticSeverity.Warning, at.File, at.Line, at.Column, message);

    /// <summary>The same diagnostic with a path prefix, e.g. <c>content/</c> to make paths relative to the repository.</summary>
    public Diagnostic WithPathPrefix(string prefix) => this with { File = prefix + File };

    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")} {Code}: {Message}";

    /// <summary>Sorts by file (ordinal), line, column, code.</summary>
    public static IComparer<Diagnostic> Order { get; } = Comparer<Diagnostic>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.File, b.File);
        if (c != 0) return c;
        c = a.Line.CompareTo(b.Line);
        if (c != 0) return c;
        c = a.Column.CompareTo(b.Column);
        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    });
}

/// <summary>All diagnostic codes. Keep in sync with the table in content/README.md.</summary>
public static class DiagnosticCodes
{
    /// <summary>
    /// File can't be read, is binary (NUL bytes), isn't valid UTF-8, or is too large; or it isn't a regular file inside
    /// the root (a FIFO, a device, a link to a folder or to a file outside the root, a link in a circle).
    /// </summary>
    public const string UnreadableFile = "GWT100";
    /// <summary>No front matter at the top of the file, or it is never closed.</summary>
    public const string FrontMatterMissing = "GWT101";
    /// <summary>The front matter is not valid YAML.</summary>
    public const string YamlSyntax = "GWT102";
    /// <summary>A required field is missing.</summary>
    public const string MissingField = "GWT103";
    /// <summary>A field has the wrong type or an invalid value.</summary>
    public const string InvalidValue = "GWT104";
    /// <summary>Two files use the same id.</summary>
    public const string DuplicateId = "GWT105";
    /// <summary>An internal link (body or front matter) points at an item that doesn't exist, or is malformed.</summary>
    public const string BrokenLink = "GWT106";
    /// <summary>A section required for the kind is missing.</summary>
    public const string MissingSection = "GWT107";
    /// <summary>Module and lesson don't fit together (unknown module, lesson not listed, lesson without checks, …).</summary>
    public const string ModuleStructure = "GWT108";
    /// <summary>A knowledge check can't be answered properly (no correct option, too few items or pairs, missing feedback, …).</summary>
    public const string IncompleteCheck = "GWT109";
    /// <summary>A text that must have content is empty.</summary>
    public const string EmptyText = "GWT110";
    /// <summary>Two checks in one lesson have the same id.</summary>
    public const string DuplicateCheckId = "GWT111";
    /// <summary>The body's Markdown is nested deeper than the renderer allows (lists, quotes, brackets, emphasis).</summary>
    public const string NestingTooDeep = "GWT112";
    /// <summary>An intervisie method's phases don't make a method: fewer than 2, an id twice, or no phase for contributions.</summary>
    public const string MethodStructure = "GWT113";

    /// <summary>Warning: a front matter field that this kind doesn't use (probably a typo).</summary>
    public const string UnknownField = "GWT200";
    /// <summary>Warning: the file name is not <c>&lt;id&gt;.md</c>.</summary>
    public const string FileNameMismatch = "GWT201";
    /// <summary>Warning: a fiche's Kernelementen has fewer than 6 or more than 10 bullets.</summary>
    public const string KeyElementCount = "GWT202";
    /// <summary>Warning: two items of the same kind have the same nummer.</summary>
    public const string DuplicateNumber = "GWT203";
    /// <summary>Warning: the required sections are not in the prescribed order.</summary>
    public const string SectionOrder = "GWT204";
    /// <summary>Warning: a fase lists an instrument whose <c>fasen</c> doesn't list that fase, or the other way round.</summary>
    public const string PhaseInstrumentMismatch = "GWT205";
    /// <summary>Warning: a file in content/ that isn't read (not <c>*.md</c>, not a README.md, not competenties.yml).</summary>
    public const string NotContent = "GWT206";
    /// <summary>Warning: the phases of an intervisie method take more than <c>MaxMethodMinutes</c> together.</summary>
    public const string MethodTooLong = "GWT207";
}
