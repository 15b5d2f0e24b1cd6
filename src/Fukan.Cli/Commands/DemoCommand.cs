using System.CommandLine;
using System.Reflection;
using Fukan.Model;
using Fukan.Reading;
using Fukan.Storage;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan demo</c>: the main job on the bundled sample corpus. Writes the four embedded samples and a watchlist
/// for them to a fresh private folder, ingests exactly those files (embedded SQLite, nothing to install) and shows
/// what came out. The demo only ever touches its own files: the folder is new (created atomically, so nothing can
/// be planted in it), $FUKAN_DB is not consulted, and a knowledge base that holds anything but the samples is
/// refused rather than added to.
/// </summary>
public static class DemoCommand
{
    /// <summary>The knowledge base the demo writes when --db is not given.</summary>
    public const string DefaultDb = "fukan-demo.db";

    public static Command Create(CliContext context, Func<string[], Task<int>> run)
    {
        var command = new Command("demo", $"Ingest the bundled sample corpus and show what Fukan makes of it (default db: ./{DefaultDb}; $FUKAN_DB is not used)");
        command.SetAction(async (result, ct) =>
        {
            // Only an explicit --db: $FUKAN_DB names the user's real knowledge base.
            var db = result.GetValue(CliContext.DbOption) is { Length: > 0 } given ? given : DefaultDb;
            var samples = Samples();
            await EnsureDemoOnlyAsync(db, samples, ct);

            var root = Directory.CreateTempSubdirectory("fukan-demo-").FullName;
            var folder = Path.Combine(root, "samples");
            Directory.CreateDirectory(folder);
            var files = new List<string>();
            foreach (var (name, bytes) in samples)
            {
                var path = Path.Combine(folder, name);
                WriteNew(path, bytes);
                files.Add(path);
            }
            var watchlist = Path.Combine(root, "watchlist.yaml");
            WriteNew(watchlist, Resource("demo/watchlist.yaml"));
            context.Out.WriteLine($"== Bundled samples: {files.Count} file(s) in {folder}; a watchlist for them in {watchlist}");
            int code = await run(["--db", db, "ingest", "--quiet", .. files]);
            if (code != 0) return code;
            foreach (var step in Tour(db, watchlist))
            {
                context.Out.WriteLine();
                context.Out.WriteLine($"== fukan {string.Join(' ', step.Skip(2))}");
                code = await run(step);
                if (code != 0) return code;
            }
            context.Out.WriteLine();
            context.Out.WriteLine($"Knowledge base: {Path.GetFullPath(db)} — try `fukan --db {db} --help`.");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The demo adds to <paramref name="db"/> only when it is new or holds nothing but the samples (an earlier
    /// demo); anything else there is the user's and is left alone.
    /// </summary>
    private static async Task EnsureDemoOnlyAsync(string db, IReadOnlyList<(string Name, byte[] Bytes)> samples, CancellationToken ct)
    {
        if (!KnowledgeBase.IsPostgres(db))
        {
            var check = FileProbe.Probe(Path.GetFullPath(db));
            if (check.Kind == FileKind.Missing) return;
            if (check.Kind != FileKind.Regular)
                throw new CliException($"{db}: {(check.Kind == FileKind.Directory ? "a folder" : check.Reason)}; the demo writes a knowledge base of its own (pass --db NEW.db)");
        }
        var ids = samples.Select(s => DocumentId.FromContent(s.Bytes)).ToHashSet();
        IReadOnlyList<DocumentInfo> docs;
        try
        {
            // Read-only: looking must not change what is there.
            await using var store = await KnowledgeBase.OpenAsync(db, StoreAccess.Read, null, ct);
            docs = await store.ListDocumentsAsync(ct);
        }
        catch (StoreException e)
        {
            throw new CliException($"{db}: not a demo knowledge base ({e.Message.ReplaceLineEndings(" ")}); the demo writes a knowledge base of its own (pass --db NEW.db)");
        }
        int foreign = docs.Count(d => !ids.Contains(d.Id));
        if (foreign > 0)
            throw new CliException($"{db}: holds {foreign} document(s) that are not the demo's; the demo does not add to it (pass --db NEW.db)");
    }

    /// <summary>One step per capability: documents and structure, provenance, landscape, search, facts, timeline, minutes, signals, ranking.</summary>
    private static IEnumerable<string[]> Tour(string db, string watchlist)
    {
        yield return ["--db", db, "docs"];
        yield return ["--db", db, "show", "report_sample", "--outline"];
        yield return ["--db", db, "source", "report_sample", "--lines", "94-102", "--number"];
        yield return ["--db", db, "landscape"];
        yield return ["--db", db, "gaps", "--country", "JP"];
        yield return ["--db", db, "search", "放出温度", "--limit", "3"];
        yield return ["--db", db, "facts", "--kind", "quantity", "--doc", "analysis_sample", "--limit", "6"];
        yield return ["--db", db, "timeline", "--from", "2023", "--to", "2030"];
        yield return ["--db", db, "minutes", "minutes_sample"];
        yield return ["--db", db, "signals", "--watchlist", watchlist];
        yield return ["--db", db, "rank", "--country", "JP"];
    }

    /// <summary>Writes the embedded samples into <paramref name="folder"/> (created); a file already there is an error, never overwritten.</summary>
    public static int WriteSamples(string folder)
    {
        Directory.CreateDirectory(folder);
        var samples = Samples();
        foreach (var (name, bytes) in samples) WriteNew(Path.Combine(folder, name), bytes);
        return samples.Count;
    }

    /// <summary>The embedded samples, by file name, in name order.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Samples() =>
        Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("samples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => (n["samples/".Length..], Resource(n))).ToList();

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} missing");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    /// <summary>Creates <paramref name="path"/>; an existing file (or link) there is an error, never overwritten.</summary>
    private static void WriteNew(string path, byte[] bytes)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        file.Write(bytes);
    }
}
