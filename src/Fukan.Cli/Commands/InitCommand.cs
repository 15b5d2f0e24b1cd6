using System.CommandLine;
using Fukan.Pipeline;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan init [DIR] [--force]</c>: writes the defaults Fukan ships (watchlist, ranking weights) and an empty
/// gazetteer as commented YAML to edit. An installed tool has no data/ folder; this is where the files come from.
/// </summary>
public static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var dir = new Argument<string>("dir") { Description = "Folder to write into (created when missing; default: the current folder)", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that are already there" };
        var command = new Command("init", "Write the default watchlist, ranking weights and an empty gazetteer as YAML files to edit") { dir, force };
        command.SetAction(result =>
        {
            var folder = result.GetValue(dir)!;
            var files = EditableDefaults.All;
            // Check every target before writing any, so a refusal leaves nothing half done.
            if (!result.GetValue(force))
                foreach (var f in files)
                {
                    var target = Path.Combine(folder, f.FileName);
                    if (File.Exists(target)) throw new CliException($"{target}: already there; edit it, or pass --force to overwrite it with the default");
                }
            try
            {
                Directory.CreateDirectory(folder);
                foreach (var f in files) File.WriteAllText(Path.Combine(folder, f.FileName), f.Text);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new CliException($"{folder}: cannot write the defaults: {e.Message}");
            }
            foreach (var f in files)
                context.Out.WriteLine($"wrote {Path.Combine(folder, f.FileName)}  (use: {f.Use.Replace(f.FileName, Path.Combine(folder, f.FileName), StringComparison.Ordinal)})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
