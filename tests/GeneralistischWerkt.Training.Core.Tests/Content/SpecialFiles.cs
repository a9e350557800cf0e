using System.Runtime.InteropServices;

namespace GeneralistischWerkt.Training.Core.Tests.Content;

/// <summary>
/// Makes the file system objects that must never be read as content: FIFOs, links to devices, links in a circle.
/// They exist only at test time (a FIFO or a looping link in the repository would trip up git, editors and the
/// build's copy of the corpus).
/// </summary>
internal static class SpecialFiles
{
    /// <summary>A FIFO (named pipe) at <paramref name="path"/>: opening it for reading blocks until someone writes.</summary>
    public static void Fifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (mkfifo(path, 0b110_100_100) != 0)
        {
            throw new IOException($"mkfifo {path} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }

    /// <summary>A symbolic link at <paramref name="path"/> to <paramref name="target"/> (kept as given: relative stays relative).</summary>
    public static void Link(string path, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Directory.Exists(Path.GetFullPath(target, Path.GetDirectoryName(path)!)))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> and fails the test when it takes longer than <paramref name="seconds"/>: a
    /// regression (a FIFO opened, a device or a looping folder read) then fails instead of hanging the test run.
    /// </summary>
    public static T Within<T>(Func<T> work, int seconds = 30)
    {
        var task = Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"not finished within {seconds} s");
        return task.Result;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
