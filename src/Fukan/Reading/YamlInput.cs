using System.Reflection;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Fukan.Reading;

/// <summary>
/// The YAML files users hand Fukan (watchlists, ranking weights, gazetteers): read from disk or from the
/// assembly, parsed, and every failure turned into one line that names the file — through the caller's own
/// exception type, so each loader keeps its contract.
/// </summary>
public static class YamlInput
{
    /// <summary>The text of an embedded resource Fukan ships; missing is a build bug.</summary>
    public static string ReadEmbedded(Assembly assembly, string resource)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Largest YAML file read (watchlists, weights and gazetteers are kilobytes).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The text of <paramref name="path"/>; unreadable → <c>PATH: cannot read the WHAT: reason</c>. A pipe or
    /// device is never opened and a file past <see cref="MaxFileBytes"/> never read whole.
    /// </summary>
    public static string ReadFile(string path, string what, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(error);
        var check = FileProbe.Probe(path);
        if (check.Kind == FileKind.Directory) throw error($"{path}: cannot read the {what}: a folder, not a file");
        if (check.Kind is not (FileKind.Regular or FileKind.Missing)) throw error($"{path}: cannot read the {what}: {check.Reason}");
        try
        {
            var bytes = FileProbe.ReadAllBytes(path, MaxFileBytes);
            // As File.ReadAllText: UTF-8 unless a byte-order mark says otherwise.
            using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw error($"{path}: cannot read the {what}: {e.Message}");
        }
    }

    /// <summary>
    /// The root mapping of the first YAML document, or null when there is none (empty text, or a root that is not
    /// a mapping). Malformed YAML → <c>SOURCE: line N: malformed YAML: first line of the parser's message</c>.
    /// </summary>
    public static YamlMappingNode? ParseMapping(string yaml, string source, Func<string, Exception> error)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        YamlStream stream;
        try { stream = GuardedYamlParser.Load(yaml); }
        catch (YamlException e)
        {
            throw error($"{source}: line {e.Start.Line}: malformed YAML: {GuardedYamlParser.Reason(e)}");
        }
        return stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
    }

    /// <summary>The first line of a (parser's) message.</summary>
    public static string FirstLine(string s)
    {
        int nl = s.IndexOfAny(['\r', '\n']);
        return nl < 0 ? s : s[..nl];
    }
}
