using System.CommandLine;
using System.Globalization;

namespace Fukan.Cli.Commands;

/// <summary><c>fukan source DOC --lines A-B</c>: the original lines, exactly as in the file.</summary>
public static class SourceCommand
{
    public static Command Create(CliContext context)
    {
        var doc = new Argument<string>("doc") { Description = "Document: id prefix, file name prefix (001), or path" };
        var lines = new Option<string?>("--lines", "-l") { Description = "Line range A-B (1-based, inclusive), or a single line N" };
        var number = new Option<bool>("--number", "-n") { Description = "Prefix each line with its number" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("source", "Print original lines of a document exactly as they are in the file") { doc, lines, number, json };
        command.SetAction(async (result, ct) =>
        {
            await using var store = await context.OpenStoreAsync(result, mustExist: true, ct);
            var info = await ShowCommand.Resolve(store, result.GetValue(doc)!, ct);
            var source = await store.GetSourceAsync(info.Id, ct);
            var (from, to) = ParseRange(result.GetValue(lines), source.LineCount);
            if (result.GetValue(json))
            {
                context.WriteJson(new
                {
                    documentId = info.Id.Value,
                    path = info.Path,
                    lines = Enumerable.Range(from, to - from + 1).Select(l => new { line = l, text = source.LineString(l) }),
                });
                return ExitCodes.Ok;
            }
            bool numbered = result.GetValue(number);
            int width = to.ToString(CultureInfo.InvariantCulture).Length;
            for (int l = from; l <= to; l++)
                context.Out.WriteLine(numbered ? $"{l.ToString(CultureInfo.InvariantCulture).PadLeft(width)}  {source.LineString(l)}" : source.LineString(l));
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static (int From, int To) ParseRange(string? spec, int lineCount)
    {
        if (string.IsNullOrWhiteSpace(spec)) return (1, lineCount);
        var parts = spec.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int from)
            || (parts.Length == 2 && parts[1].Length > 0 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            throw new CliException($"--lines {spec}: expected A-B with whole numbers, e.g. 5354-5370", ExitCodes.Usage);
        int to = parts.Length == 1 ? from : parts[1].Length == 0 ? lineCount : int.Parse(parts[1], CultureInfo.InvariantCulture);
        if (from < 1 || to < from) throw new CliException($"--lines {spec}: the range must start at 1 or more and not run backwards", ExitCodes.Usage);
        if (from > lineCount || to > lineCount) throw new CliException($"--lines {spec}: the document has {lineCount} lines", ExitCodes.Usage);
        return (from, to);
    }
}
