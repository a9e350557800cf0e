using System.Text;
using GeneralistischWerkt.Training.Core.Content;
using GeneralistischWerkt.Training.Core.Scenarios;

namespace GeneralistischWerkt.Training.Cli;

/// <summary>
/// <c>gwt check [--root DIR]</c>: checks DIR/content and, when it exists, DIR/scenarios (against DIR/content and
/// DIR/content/competenties.yml), and prints one line per diagnostic, one line per scenario and a Dutch summary each.
/// Exit codes: 0 no errors, 1 errors (or an internal failure), 2 bad usage.
/// </summary>
public static class Program
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int BadUsage = 2;

    private const string SolutionFile = "GeneralistischWerkt.Training.sln";

    private const string Usage = """
        Gebruik: gwt check [--root MAP]

        Opdrachten:
          check          Controleer de inhoud in MAP/content en de scenario's in MAP/scenarios
                         (met content/competenties.yml) en toon elke fout en waarschuwing.

        Opties:
          --root MAP     De map van de repository (standaard: de eerste bovenliggende map met
                         GeneralistischWerkt.Training.sln, anders de huidige map).
          -h, --help     Toon deze hulp.

        Afsluitcode: 0 zonder fouten, 1 bij fouten, 2 bij verkeerd gebruik.
        """;

    public static int Main(string[] args)
    {
        try
        {
            Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException or System.Security.SecurityException)
        {
            // Not every console lets us choose; the default still works.
        }

        try
        {
            return Run(args, Console.Out, Console.Error, Directory.GetCurrentDirectory());
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"gwt: interne fout ({e.GetType().Name}: {e.Message}); meld dit aan de ontwikkelaars.");
            return ContentErrors;
        }
    }

    public static int Run(string[] args, TextWriter output, TextWriter errors, string currentDirectory)
    {
        if (args.Length == 1 && args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return Ok;
        }
        if (args.Length == 0)
        {
            return UsageError(errors, "geef een opdracht op.");
        }
        if (args[0] != "check")
        {
            return UsageError(errors, $"onbekende opdracht '{args[0]}'.");
        }

        string? root = null;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root" when i + 1 < args.Length && root is null:
                    root = args[++i];
                    break;
                case "--root" when root is not null:
                    return UsageError(errors, "--root mag maar één keer.");
                case "--root":
                    return UsageError(errors, "--root verwacht een map.");
                case "-h" or "--help":
                    output.WriteLine(Usage);
                    return Ok;
                default:
                    return UsageError(errors, $"onbekende optie '{args[i]}'.");
            }
        }

        var rootDirectory = root is null ? FindRepositoryRoot(currentDirectory) : Path.GetFullPath(root, currentDirectory);
        if (!Directory.Exists(rootDirectory))
        {
            return UsageError(errors, $"de map '{rootDirectory}' bestaat niet.");
        }
        var contentDirectory = Path.Combine(rootDirectory, "content");
        if (!Directory.Exists(contentDirectory))
        {
            return UsageError(errors, $"in '{rootDirectory}' staat geen map content/.");
        }

        var result = ContentValidator.Check(contentDirectory, pathPrefix: "content/");
        foreach (var diagnostic in result.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }
        output.WriteLine(Summary("content", result.FileCount, result.ErrorCount, result.WarningCount));

        var scenarioErrors = 0;
        if (Directory.Exists(Path.Combine(rootDirectory, "scenarios")))
        {
            // Only the reports are needed here: each scenario is released once checked, so any number of files fits in memory.
            var scenarios = ScenarioValidator.Check(rootDirectory, result.Library, keepScenarios: false);
            foreach (var diagnostic in scenarios.Diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }
            var loaded = scenarios.Reports.ToDictionary(r => r.File, StringComparer.Ordinal);
            foreach (var file in scenarios.Load.Files)
            {
                output.WriteLine(loaded.TryGetValue(file, out var report)
                    ? Describe(report)
                    : $"{file}: niet geladen (zie de fout hierboven)");
            }
            output.WriteLine(Summary("scenarios", scenarios.FileCount, scenarios.ErrorCount, scenarios.WarningCount));
            scenarioErrors = scenarios.ErrorCount;
        }
        return result.ErrorCount > 0 || scenarioErrors > 0 ? ContentErrors : Ok;
    }

    /// <summary>
    /// One line per scenario, e.g. "scenarios/x.yml: 14 beslisknopen, 4 eindes, max: parafraseren 6, samenvatten 4; testpaden 3/3 geslaagd".
    /// </summary>
    public static string Describe(ScenarioReport report)
    {
        var text = new StringBuilder(report.File).Append(": ");
        if (!report.IsPlayable)
        {
            text.Append("niet speelbaar door ").Append(Count(report.ErrorCount, "fout", "fouten")).Append("; ");
        }
        text.Append(Count(report.DecisionNodeCount, "beslisknoop", "beslisknopen"))
            .Append(", ").Append(Count(report.EndingCount, "einde", "eindes"));
        if (report.MaxScores is { } max)
        {
            var order = report.Competencies.Concat(max.Keys.Order(StringComparer.Ordinal)).Distinct();
            text.Append(", max: ").Append(string.Join(", ", order.Select(c => $"{c} {max.GetValueOrDefault(c)}")));
        }
        if (report.TestPathCount == 0)
        {
            text.Append("; geen testpaden");
        }
        else if (report.TestPathsPassed is { } passed)
        {
            text.Append($"; testpaden {passed}/{report.TestPathCount} geslaagd");
        }
        else
        {
            text.Append($"; {Count(report.TestPathCount, "testpad", "testpaden")} niet afgespeeld (eerst de fouten in de knopen oplossen)");
        }
        if (!report.InCatalogue) text.Append(" (voorbeeld, niet in de catalogus)");
        return text.ToString();
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary>"content: 91 bestanden, 0 fouten, 2 waarschuwingen" (singular forms for 1).</summary>
    public static string Summary(string what, int files, int errorCount, int warningCount) =>
        $"{what}: {files} {(files == 1 ? "bestand" : "bestanden")}, " +
        $"{errorCount} {(errorCount == 1 ? "fout" : "fouten")}, " +
        $"{warningCount} {(warningCount == 1 ? "waarschuwing" : "waarschuwingen")}";

    /// <summary>The nearest directory at or above <paramref name="start"/> with the solution file, else <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        try
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile))) return directory.FullName;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            // Fall back to the start directory.
        }
        return start;
    }

    private static int UsageError(TextWriter errors, string message)
    {
        errors.WriteLine($"gwt: {message}");
        errors.WriteLine();
        errors.WriteLine(Usage);
        return BadUsage;
    }
}
