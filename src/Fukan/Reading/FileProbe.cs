using System.Runtime.InteropServices;

namespace Fukan.Reading;

/// <summary>What a path names, judged without opening it.</summary>
public enum FileKind
{
    Regular,
    Directory,
    Missing,
    DanglingLink,
    NamedPipe,
    Device,
    Socket,
}

/// <summary>The kind of a path and, for a regular file, its length in bytes.</summary>
public readonly record struct FileCheck(FileKind Kind, long Length)
{
    /// <summary>Why a path that is not a regular file or folder cannot be read, as a diagnostic says it.</summary>
    public string Reason => Kind switch
    {
        FileKind.Missing => "no such file or folder",
        FileKind.DanglingLink => "dangling symbolic link (its target does not exist)",
        FileKind.NamedPipe => "a named pipe (FIFO), not a regular file; not read",
        FileKind.Device => "a device, not a regular file; not read",
        FileKind.Socket => "a socket, not a regular file; not read",
        _ => "",
    };
}

/// <summary>
/// Looks at a path before it is opened: opening a named pipe blocks until a writer comes (for ever, deaf to
/// Ctrl-C), and a device such as /dev/zero never ends. Links are followed; a link whose target is gone is told
/// apart from a missing file. Reading is bounded: never more than the limit, whatever the file claims.
/// </summary>
public static class FileProbe
{
    public static FileCheck Probe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsLinux() && StatX(path) is { } check) return check;
        // Elsewhere: what .NET tells without opening. A pipe or device has length 0 and is refused as empty.
        if (Directory.Exists(path)) return new FileCheck(FileKind.Directory, 0);
        var info = new FileInfo(path);
        if (!info.Exists) return new FileCheck(IsLink(path) ? FileKind.DanglingLink : FileKind.Missing, 0);
        return new FileCheck(FileKind.Regular, info.Length);
    }

    /// <summary>
    /// The bytes of a regular file, at most <paramref name="maxBytes"/>: a file that grows past the limit while it
    /// is read is refused like one that was too large from the start.
    /// </summary>
    /// <exception cref="FileTooLargeException">the file holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long length = stream.CanSeek ? stream.Length : 0;
        if (length > maxBytes) throw new FileTooLargeException(length, maxBytes);
        var buffer = new byte[length];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0) break;
            read += n;
        }
        if (read < buffer.Length) return buffer[..read]; // shrank while read
        // Grew while read (or claimed no length): go on in chunks, never past the limit.
        var one = new byte[1];
        if (stream.Read(one, 0, 1) == 0) return buffer;
        using var rest = new MemoryStream();
        rest.Write(buffer);
        rest.Write(one);
        var chunk = new byte[81920];
        int m;
        while ((m = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (rest.Length + m > maxBytes) throw new FileTooLargeException(rest.Length + m, maxBytes);
            rest.Write(chunk, 0, m);
        }
        return rest.ToArray();
    }

    private static bool IsLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    // statx(2) has one layout on every Linux architecture, unlike struct stat.
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1, StatxSize = 0x200;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
#pragma warning disable SYSLIB1054 // a plain byte buffer needs no generated marshalling
    private static extern int StatXNative(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
#pragma warning restore SYSLIB1054

    private static FileCheck? StatX(string path)
    {
        var buffer = new byte[256];
        int rc;
        try { rc = StatXNative(AtFdCwd, path, 0, StatxType | StatxSize, buffer); }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return null; }
        if (rc != 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            const int ENOENT = 2, ENOTDIR = 20, ELOOP = 40;
            if (errno is ENOENT or ENOTDIR) return new FileCheck(IsLink(path) ? FileKind.DanglingLink : FileKind.Missing, 0);
            if (errno == ELOOP) return new FileCheck(FileKind.DanglingLink, 0);
            return null; // permission and the like: let opening the file report it
        }
        int mode = BitConverter.ToUInt16(buffer, 28) & 0xF000;
        long size = (long)BitConverter.ToUInt64(buffer, 40);
        return mode switch
        {
            0x8000 => new FileCheck(FileKind.Regular, size),
            0x4000 => new FileCheck(FileKind.Directory, 0),
            0x1000 => new FileCheck(FileKind.NamedPipe, 0),
            0x2000 or 0x6000 => new FileCheck(FileKind.Device, 0),
            0xC000 => new FileCheck(FileKind.Socket, 0),
            _ => new FileCheck(FileKind.Device, 0),
        };
    }
}

/// <summary>A file holds more bytes than Fukan reads from one file.</summary>
public sealed class FileTooLargeException(long bytes, long limit)
    : IOException($"file too large ({Megabytes(bytes)}; limit {Megabytes(limit)})")
{
    public long Bytes { get; } = bytes;
    public long Limit { get; } = limit;

    internal static string Megabytes(long bytes) => bytes >= 1_048_576 ? $"{bytes / 1_048_576} MB" : $"{bytes} bytes";
}
