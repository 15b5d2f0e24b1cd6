using Fukan.Model;

namespace Fukan.Reading;

/// <summary>The files found under the inputs, and the problems met finding them.</summary>
public sealed record Discovery(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Diagnostic> Skipped);

/// <summary>
/// Expands files and folders into the files to ingest. Folders are walked recursively in name order; hidden
/// entries (".git") are passed over; a folder reached twice through symbolic links is walked once, so link loops
/// end; an unreadable folder is reported and the walk goes on. Files of unsupported types inside folders are
/// skipped with a reason; a file named explicitly with an unsupported type is an error. A supported name that is
/// not a regular file (a named pipe, a device, a dangling link, a name that is not UTF-8) is an error, never opened.
/// </summary>
public sealed class FileDiscovery
{
    private const int MaxDepth = 64;
    private readonly Func<string, bool> _supported;

    public FileDiscovery(Func<string, bool> supported) => _supported = supported;

    public Discovery Discover(IEnumerable<string> inputs)
    {
        var files = new List<string>();
        var errors = new List<Diagnostic>();
        var skipped = new List<Diagnostic>();
        var seenFiles = new HashSet<string>(StringComparer.Ordinal);
        var seenDirs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            string full;
            try { full = Path.GetFullPath(input); }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
            {
                errors.Add(Diagnostic.Error(input, $"invalid path: {e.Message}"));
                continue;
            }
            var check = FileProbe.Probe(full);
            if (check.Kind == FileKind.Directory) Walk(full, 0, files, errors, skipped, seenFiles, seenDirs);
            else if (check.Kind == FileKind.Regular)
            {
                if (!_supported(full)) errors.Add(Diagnostic.Error(input, $"unsupported file type ({Extension(full)})"));
                else if (seenFiles.Add(full)) files.Add(full);
            }
            else errors.Add(Diagnostic.Error(input, check.Reason));
        }
        return new Discovery(files, errors, skipped);
    }

    private void Walk(string dir, int depth, List<string> files, List<Diagnostic> errors, List<Diagnostic> skipped, HashSet<string> seenFiles, HashSet<string> seenDirs)
    {
        if (!seenDirs.Add(RealPath(dir))) return; // a link back into a folder already walked
        if (depth > MaxDepth) { errors.Add(Diagnostic.Error(dir, $"folder nesting deeper than {MaxDepth}; not walked")); return; }
        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(dir);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            errors.Add(Diagnostic.Error(dir, $"unreadable folder: {e.Message}"));
            return;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.')) continue;
            var check = FileProbe.Probe(entry);
            if (check.Kind == FileKind.Directory) { Walk(entry, depth + 1, files, errors, skipped, seenFiles, seenDirs); continue; }
            if (!_supported(entry)) { skipped.Add(new Diagnostic(Severity.Info, entry, $"unsupported file type ({Extension(entry)}); skipped")); continue; }
            if (check.Kind == FileKind.Missing && name.Contains('\uFFFD', StringComparison.Ordinal))
            {
                // The name's bytes are not UTF-8, so no .NET string reaches the file.
                errors.Add(Diagnostic.Error(entry, "file name is not valid UTF-8; cannot be opened (rename the file)"));
                continue;
            }
            if (check.Kind != FileKind.Regular) { errors.Add(Diagnostic.Error(entry, check.Reason)); continue; }
            var real = RealPath(entry);
            if (seenFiles.Add(real)) files.Add(entry);
        }
    }

    private static string Extension(string path) => Path.GetExtension(path) is { Length: > 0 } e ? e : "no extension";

    private static string RealPath(string path)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            var resolved = target?.FullName ?? info.FullName;
            // Resolve links in parent folders too, so two routes to one folder compare equal.
            var parent = Path.GetDirectoryName(resolved);
            if (parent is not null && parent != resolved && target is not null) return Path.Combine(RealPath(parent), Path.GetFileName(resolved));
            return resolved;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return path;
        }
    }
}
