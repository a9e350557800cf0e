using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace GeneralistischWerkt.Training.Core.Content.Loading;

/// <summary>
/// Opens a file for reading only when it is a regular file, and says what it is otherwise. A FIFO in content/ would
/// block a plain open until some process writes to it (the check and the app would hang), and a device such as
/// /dev/zero never ends. .NET can't tell those apart from a regular file without opening it, so on Linux we open
/// with <c>O_NONBLOCK</c> (an open that can't hang; for a regular file it changes nothing) and ask the kernel what
/// was opened (<c>statx</c> on the descriptor, so the answer is about the very file we read, not a name that may
/// have changed in between).
/// </summary>
/// <remarks>
/// Elsewhere (Windows, macOS) the file is opened the ordinary way: FIFOs are not a concern on Windows, and on every
/// platform the byte cap in <see cref="StrictTextFile"/> still stops a device that never ends.
/// </remarks>
internal static class RegularFile
{
    /// <summary>
    /// The opened file, or null with <paramref name="notRegular"/> naming what it is instead (in Dutch, e.g. "een FIFO").
    /// Throws the usual exceptions of <see cref="File.OpenHandle"/> when it can't be opened.
    /// </summary>
    public static SafeFileHandle? Open(string fullPath, out string? notRegular)
    {
        notRegular = null;
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        }

        int fd;
        do
        {
            fd = Linux.open(fullPath, Linux.O_RDONLY | Linux.O_NONBLOCK | Linux.O_CLOEXEC | Linux.O_NOCTTY);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Linux.EINTR);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            switch (errno)
            {
                case Linux.ENXIO:
                    notRegular = "een socket"; // opening a Unix socket fails with ENXIO
                    return null;
                default:
                    throw ExceptionFor(errno, fullPath);
            }
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var type = FileType(fd);
        if (type is null or Linux.S_IFREG) return handle;
        handle.Dispose();
        notRegular = type switch
        {
            Linux.S_IFIFO => "een FIFO (named pipe)",
            Linux.S_IFCHR or Linux.S_IFBLK => "een apparaatbestand",
            Linux.S_IFSOCK => "een socket",
            Linux.S_IFDIR => "een map",
            _ => "een speciaal bestand",
        };
        return null;
    }

    /// <summary>The <c>S_IFMT</c> bits of an open descriptor, or null when the C library has no <c>statx</c> (then only the byte cap protects).</summary>
    private static int? FileType(int fd)
    {
        // struct statx is the same on every Linux architecture (unlike struct stat): stx_mode is a u16 at offset 28.
        var buffer = new byte[256];
        try
        {
            if (Linux.statx(fd, "", Linux.AT_EMPTY_PATH, Linux.STATX_TYPE, buffer) != 0)
            {
                throw ExceptionFor(Marshal.GetLastPInvokeError(), $"/proc/self/fd/{fd}");
            }
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
        return BitConverter.ToUInt16(buffer, 28) & Linux.S_IFMT;
    }

    private static Exception ExceptionFor(int errno, string path) => errno switch
    {
        Linux.ENOENT or Linux.ENOTDIR => new FileNotFoundException(null, path),
        Linux.EACCES or Linux.EPERM => new UnauthorizedAccessException(),
        Linux.ELOOP => new LinkLoopException(path),
        _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} ({path})", errno),
    };

    /// <summary>Values from the Linux headers; the same on x86-64 and arm64 (the "generic" ABI).</summary>
    private static class Linux
    {
        public const int O_RDONLY = 0;
        public const int O_NOCTTY = 0x100;
        public const int O_NONBLOCK = 0x800;
        public const int O_CLOEXEC = 0x80000;
        public const int AT_EMPTY_PATH = 0x1000;
        public const uint STATX_TYPE = 0x1;

        public const int S_IFMT = 0xF000;
        public const int S_IFSOCK = 0xC000;
        public const int S_IFREG = 0x8000;
        public const int S_IFBLK = 0x6000;
        public const int S_IFDIR = 0x4000;
        public const int S_IFCHR = 0x2000;
        public const int S_IFIFO = 0x1000;

        public const int EPERM = 1;
        public const int ENOENT = 2;
        public const int EINTR = 4;
        public const int ENXIO = 6;
        public const int EACCES = 13;
        public const int ENOTDIR = 20;
        public const int ELOOP = 40;

        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
