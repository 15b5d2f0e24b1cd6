using System.CommandLine;
using System.CommandLine.Completions;
using System.Text;

namespace Fukan.Cli.Commands;

/// <summary>
/// <c>fukan completion bash|zsh|fish</c>: a shell completion script generated from the command tree itself, so it
/// always lists the verbs and options this build has: verbs, each verb's options, the fixed values of options
/// that have them (--kind, --group …) and file names where an option takes a path.
/// </summary>
public static class CompletionCommand
{
    /// <summary>Options whose value is a file or folder.</summary>
    private static readonly HashSet<string> PathOptions = new(StringComparer.Ordinal)
    {
        "--db", "--svg", "--watchlist", "--weights", "--gazetteer", "--output",
    };

    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish");
        var command = new Command("completion", "Print a shell completion script: eval \"$(fukan completion bash)\", or see the README for zsh and fish") { shell };
        command.SetAction(result =>
        {
            var root = (RootCommand)result.RootCommandResult.Command;
            var tree = Describe(root);
            context.Out.Write(result.GetValue(shell) switch
            {
                "bash" => Bash(tree),
                "zsh" => Zsh(tree),
                _ => Fish(tree),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private sealed record OptionInfo(IReadOnlyList<string> Names, string Description, bool TakesValue, bool TakesPath, IReadOnlyList<string> Values);

    private sealed record VerbInfo(string Name, string Description, IReadOnlyList<OptionInfo> Options);

    private sealed record Tree(IReadOnlyList<OptionInfo> Global, IReadOnlyList<VerbInfo> Verbs);

    private static Tree Describe(RootCommand root)
    {
        var global = new List<OptionInfo>();
        foreach (var o in root.Options) if (o.Recursive) global.Add(Info(o));
        var verbs = new List<VerbInfo>();
        foreach (var c in root.Subcommands)
        {
            if (c.Hidden) continue;
            var options = new List<OptionInfo>();
            foreach (var o in c.Options) if (!o.Hidden) options.Add(Info(o));
            options.Add(new OptionInfo(["--help", "-h"], "Show help", false, false, []));
            verbs.Add(new VerbInfo(c.Name, c.Description ?? "", options));
        }
        return new Tree(global, verbs);
    }

    private static OptionInfo Info(Option o)
    {
        var names = new List<string> { o.Name };
        names.AddRange(o.Aliases);
        bool flag = o.Arity.MaximumNumberOfValues == 0 || o.ValueType == typeof(bool);
        var values = new List<string>();
        if (!flag && !PathOptions.Contains(o.Name))
            foreach (var item in o.GetCompletions(CompletionContext.Empty)) values.Add(item.Label);
        return new OptionInfo(names, o.Description ?? "", !flag, PathOptions.Contains(o.Name), values);
    }

    private static string Bash(Tree t)
    {
        var sb = new StringBuilder();
        sb.Append("# fukan completion for bash. Load it with: eval \"$(fukan completion bash)\"\n");
        sb.Append("# (or save it as ~/.local/share/bash-completion/completions/fukan)\n");
        sb.Append("_fukan() {\n  local cur prev verb i opts\n  cur=\"${COMP_WORDS[COMP_CWORD]}\"\n  prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n  verb=\"\"\n");
        sb.Append("  for ((i = 1; i < COMP_CWORD; i++)); do\n    case \"${COMP_WORDS[i]}\" in\n");
        var valued = t.Global.Where(o => o.TakesValue).SelectMany(o => o.Names).ToList();
        if (valued.Count > 0) sb.Append("      ").Append(string.Join('|', valued)).Append(") ((i++)) ;;\n");
        sb.Append("      -*) ;;\n      *) verb=\"${COMP_WORDS[i]}\"; break ;;\n    esac\n  done\n");
        sb.Append("  case \"$prev\" in\n");
        foreach (var (names, values) in ValueCases(t))
            sb.Append("    ").Append(string.Join('|', names)).Append(") COMPREPLY=($(compgen -W \"").Append(string.Join(' ', values)).Append("\" -- \"$cur\")); return ;;\n");
        var paths = t.Global.Concat(t.Verbs.SelectMany(v => v.Options)).Where(o => o.TakesPath).SelectMany(o => o.Names).Distinct().ToList();
        if (paths.Count > 0) sb.Append("    ").Append(string.Join('|', paths)).Append(") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n");
        sb.Append("  esac\n  case \"$verb\" in\n");
        sb.Append("    \"\") COMPREPLY=($(compgen -W \"").Append(string.Join(' ', t.Verbs.Select(v => v.Name).Concat(t.Global.SelectMany(o => o.Names)).Append("--help").Append("--version")))
          .Append("\" -- \"$cur\")); return ;;\n");
        foreach (var v in t.Verbs)
            sb.Append("    ").Append(v.Name).Append(") opts=\"").Append(string.Join(' ', v.Options.SelectMany(o => o.Names).Concat(t.Global.SelectMany(o => o.Names)))).Append("\" ;;\n");
        sb.Append("  esac\n");
        sb.Append("  if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); else COMPREPLY=($(compgen -f -- \"$cur\")); fi\n}\n");
        sb.Append("complete -o filenames -F _fukan fukan\n");
        return sb.ToString();
    }

    /// <summary>Options with fixed values, grouped by the values (the same --kind on two verbs lists once per value set).</summary>
    private static IEnumerable<(List<string> Names, IReadOnlyList<string> Values)> ValueCases(Tree t)
    {
        var seen = new Dictionary<string, (List<string>, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var o in t.Global.Concat(t.Verbs.SelectMany(v => v.Options)))
        {
            if (o.Values.Count == 0) continue;
            // An option name with different values on different verbs (gaps --kind, facts --kind) offers all of them.
            foreach (var name in o.Names)
            {
                if (seen.TryGetValue(name, out var existing))
                    seen[name] = (existing.Item1, existing.Item2.Union(o.Values).ToList());
                else seen[name] = ([name], o.Values);
            }
        }
        return seen.Values.OrderBy(v => v.Item1[0], StringComparer.Ordinal);
    }

    private static string Zsh(Tree t)
    {
        var sb = new StringBuilder();
        sb.Append("#compdef fukan\n# fukan completion for zsh. Load it with: eval \"$(fukan completion zsh)\"\n");
        sb.Append("# (or save it as _fukan in a folder on $fpath)\n");
        sb.Append("_fukan() {\n  local -a verbs\n  verbs=(\n");
        foreach (var v in t.Verbs) sb.Append("    ").Append(Quote($"{v.Name}:{v.Description}")).Append('\n');
        sb.Append("  )\n  local curcontext=\"$curcontext\" state line\n  _arguments -C \\\n");
        foreach (var o in t.Global) sb.Append("    ").Append(ZshSpec(o)).Append(" \\\n");
        sb.Append("    '1: :->verb' \\\n    '*:: :->args'\n");
        sb.Append("  case $state in\n    verb) _describe -t verbs 'fukan command' verbs ;;\n    args)\n      case $line[1] in\n");
        foreach (var v in t.Verbs)
        {
            sb.Append("        ").Append(v.Name).Append(") _arguments");
            foreach (var o in v.Options.Concat(t.Global)) sb.Append(" \\\n            ").Append(ZshSpec(o));
            sb.Append(" \\\n            '*:file:_files' ;;\n");
        }
        sb.Append("      esac ;;\n  esac\n}\n");
        sb.Append("if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _fukan \"$@\"; else compdef _fukan fukan; fi\n");
        return sb.ToString();
    }

    private static string ZshSpec(OptionInfo o)
    {
        var description = ZshEscape(o.Description);
        string value = !o.TakesValue ? "" : o.TakesPath ? ":path:_files" : o.Values.Count > 0 ? $":value:({string.Join(' ', o.Values)})" : ":value: ";
        if (o.Names.Count == 1) return Quote($"{o.Names[0]}[{description}]{value}");
        return Quote($"({string.Join(' ', o.Names)})") + "{" + string.Join(',', o.Names) + "}" + Quote($"[{description}]{value}");
    }

    private static string ZshEscape(string s) => s.Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);

    private static string Fish(Tree t)
    {
        var sb = new StringBuilder();
        sb.Append("# fukan completion for fish. Load it with: fukan completion fish | source\n");
        sb.Append("# (or save it as ~/.config/fish/completions/fukan.fish)\n");
        sb.Append("complete -c fukan -f\n");
        var verbs = string.Join(' ', t.Verbs.Select(v => v.Name));
        foreach (var v in t.Verbs)
            sb.Append("complete -c fukan -n \"not __fish_seen_subcommand_from ").Append(verbs).Append("\" -a ").Append(v.Name).Append(" -d ").Append(Quote(v.Description)).Append('\n');
        foreach (var o in t.Global) sb.Append(FishOption("", o));
        foreach (var v in t.Verbs)
            foreach (var o in v.Options) sb.Append(FishOption($" -n \"__fish_seen_subcommand_from {v.Name}\"", o));
        return sb.ToString();
    }

    private static string FishOption(string condition, OptionInfo o)
    {
        var sb = new StringBuilder("complete -c fukan").Append(condition);
        foreach (var n in o.Names)
            sb.Append(n.StartsWith("--", StringComparison.Ordinal) ? " -l " + n[2..] : " -s " + n[1..]);
        if (o.TakesPath) sb.Append(" -r -F");
        else if (o.Values.Count > 0) sb.Append(" -x -a ").Append(Quote(string.Join(' ', o.Values)));
        else if (o.TakesValue) sb.Append(" -x");
        sb.Append(" -d ").Append(Quote(o.Description)).Append('\n');
        return sb.ToString();
    }

    /// <summary>Single-quoted for any of the three shells ('it''s' is not portable; close, escape, reopen).</summary>
    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
