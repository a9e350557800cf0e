namespace GeneralistischWerkt.Training.Core.Tests.Content;

internal static class TestPaths
{
    /// <summary>The repository root: the first directory above the test binaries with the solution file.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ShippedContent => Path.Combine(RepositoryRoot, "content");

    /// <summary>The broken-content corpus, copied next to the test binaries.</summary>
    public static string BrokenCorpus => Path.Combine(AppContext.BaseDirectory, "Corpus", "broken");

    /// <summary>Copies every file below <paramref name="from"/> to the same place below <paramref name="to"/>.</summary>
    public static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GeneralistischWerkt.Training.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("GeneralistischWerkt.Training.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A temporary directory that deletes itself.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gwt-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(text));

    public string Write(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
