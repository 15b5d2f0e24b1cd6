using System.CommandLine;
using System.Reflection;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan demo</c>: the main job on the bundled sample corpus. Writes the four embedded samples to a folder
/// beside the knowledge base, ingests them (embedded SQLite, nothing to install) and shows what came out.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context, Func<string[], Task<int>> run)
    {
        var command = new Command("demo", "Ingest the bundled sample corpus and show what Fukan makes of it (default db: ./fukan-demo.db)");
        command.SetAction(async (result, ct) =>
        {
            var db = result.GetValue(CliContext.DbOption) ?? Environment.GetEnvironmentVariable("FUKAN_DB") ?? "fukan-demo.db";
            var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(db))!, "fukan-samples");
            int written = WriteSamples(folder);
            var watchlist = Path.Combine(Path.GetDirectoryName(folder)!, "fukan-demo-watchlist.yaml");
            WriteResource("demo/watchlist.yaml", watchlist);
            context.Out.WriteLine($"== Bundled samples: {written} file(s) in {folder}; a watchlist for them in {watchlist}");
            int code = await run(["--db", db, "ingest", "--quiet", folder]);
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

    /// <summary>Writes an embedded resource to <paramref name="target"/> unless a file with the same bytes is there.</summary>
    private static void WriteResource(string name, string target)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException($"resource {name} missing");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        if (!File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes)) File.WriteAllBytes(target, bytes);
    }

    /// <summary>Writes the embedded samples; files already there with the same content are left alone.</summary>
    public static int WriteSamples(string folder)
    {
        Directory.CreateDirectory(folder);
        var names = Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith("samples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        foreach (var name in names) WriteResource(name, Path.Combine(folder, name["samples/".Length..]));
        return names.Count;
    }
}
