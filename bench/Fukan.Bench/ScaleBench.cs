using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fukan.Bench;

/// <summary>
/// <c>scale [--copies N] [--runs R] [--seeds DIR] [--work DIR] [--peer] [--postgres CONNSTRING]</c>: the seeds ×N as distinct files (the same
/// corpus as <c>shared/peers/make-corpus</c>), ingested by the CLI as a whole process into a fresh knowledge base;
/// then every listing verb as a whole process (wall time and peak RSS, median of R runs) and warm in process (the
/// CLI's own entry point called twice in this process; the second call timed). With <c>--peer</c> the Lucene 4.10 +
/// Kuromoji peer indexes and queries the same files in the same run, and the ratio is printed. With
/// <c>--postgres</c> (a connection string for a user that may create databases) the knowledge base is a new
/// PostgreSQL database on that server, made for the run and dropped after it, and its size is the database's.
/// </summary>
public static class ScaleBench
{
    public static int Run(string[] args)
    {
        int copies = IngestBench.IntArg(args, "--copies", 10);
        int runs = IngestBench.IntArg(args, "--runs", 3);
        string seeds = IngestBench.StringArg(args, "--seeds") ?? SeedLocator.Find();
        string work = IngestBench.StringArg(args, "--work") ?? Path.Combine(Path.GetTempPath(), $"fukan-scale-{copies}");
        bool peer = args.Contains("--peer");
        var repo = RepoRoot();
        var cli = Path.Combine(repo, "artifacts", "cli", "fukan.dll");
        // ./fukan publishes the CLI as users run it (Release, ReadyToRun) when sources changed.
        RunProcess(Path.Combine(repo, "fukan"), ["--help"], out _);
        if (!File.Exists(cli)) throw new FileNotFoundException($"{cli}: the CLI is not published (run ./fukan once)");

        var corpus = Path.Combine(work, "corpus");
        long sourceBytes = MakeCorpus(seeds, corpus, copies);
        var server = IngestBench.StringArg(args, "--postgres");
        using var postgres = server is null ? null : BenchDatabase.Create(server, $"fukan_scale_{copies}");
        var db = postgres?.Location ?? Path.Combine(work, "kb.db");
        if (postgres is null) foreach (var f in new[] { db, db + "-wal", db + "-shm" }) File.Delete(f);
        Console.WriteLine($"scale: seeds ×{copies}: {Directory.GetFiles(corpus).Length} files, {sourceBytes / 1e6:F1} MB; {runs} run(s) per verb; {(postgres is null ? "SQLite" : "PostgreSQL")}");

        var ingest = Timed("dotnet", [cli, "--db", db, "ingest", corpus, "--quiet"]);
        double mbps = sourceBytes / 1e6 / ingest.Seconds;
        long kb = postgres?.Size() ?? new[] { db, db + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"ingest: {ingest.Seconds:F2} s, {mbps:F2} MB/s, peak {ingest.PeakMb:F0} MB (exit {ingest.ExitCode})");
        Console.WriteLine($"knowledge base: {kb / 1e6:F1} MB = {(double)kb / sourceBytes:F2}× the source text");

        var minutesDoc = Path.GetFileName(Directory.GetFiles(corpus).Order(StringComparer.Ordinal).First(f => Path.GetFileName(f).StartsWith("002", StringComparison.Ordinal)));
        string[][] verbs =
        [
            ["docs"], ["landscape"], ["gaps", "--country", "JP"], ["area", "2.1.1"], ["timeline", "--from", "2024", "--to", "2030"],
            ["entities", "--limit", "20"], ["entities", "Rapidus"], ["facts", "--kind", "quantity", "--unit", "JPY", "--min", "1e8", "--limit", "50"],
            ["minutes", minutesDoc], ["signals"], ["rank"], ["rank", "--sensitivity"], ["search", "全固体電池"], ["money", "--limit", "20"],
        ];
        Console.WriteLine($"{"verb",-58} {"process s",10} {"peak MB",8} {"warm ms",9}  exit");
        foreach (var verb in verbs)
        {
            var args2 = new[] { cli, "--db", db }.Concat(verb).ToArray();
            var times = new List<double>();
            var peaks = new List<double>();
            int exit = 0;
            for (int r = 0; r < runs; r++)
            {
                var t = Timed("dotnet", args2);
                times.Add(t.Seconds);
                peaks.Add(t.PeakMb);
                exit = t.ExitCode;
            }
            double warm = Warm(db, verb, runs);
            Console.WriteLine($"{string.Join(' ', verb),-58} {Median(times),10:F3} {Median(peaks),8:F0} {warm,9:F1}  {exit}");
        }

        if (peer)
        {
            var script = Path.Combine(Path.GetDirectoryName(seeds)!, "peers", "lucene-peer");
            if (!File.Exists(script)) throw new FileNotFoundException($"{script}: the peer is not there");
            RunProcess(script, [corpus], out var output);
            Console.WriteLine("peer (Lucene 4.10 + Kuromoji, same files, same run):");
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine("  " + line.Trim());
            var m = System.Text.RegularExpressions.Regex.Match(output, @"= ([\d.]+) MB/s");
            if (m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var peerMbps))
                Console.WriteLine($"ingest ratio ours/peer: {mbps / peerMbps:F2}× ({mbps:F2} vs {peerMbps:F2} MB/s; ours stores every fact and the index, the peer indexes paragraphs in memory)");
        }
        return 0;
    }

    /// <summary><c>warm --db PATH [--runs R] VERB [ARGS]</c>: the CLI's entry point on an existing knowledge base, after a warm-up.</summary>
    public static int RunWarm(string[] args)
    {
        string db = IngestBench.StringArg(args, "--db") ?? throw new ArgumentException("warm: --db PATH is required");
        int runs = IngestBench.IntArg(args, "--runs", 5);
        var verb = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "--db" or "--runs") { i++; continue; }
            verb.Add(args[i]);
        }
        if (verb.Count == 0) throw new ArgumentException("warm: name a verb");
        var cli = new[] { "--db", db }.Concat(verb).ToArray();
        var output = new StringWriter();
        int exit = Fukan.Cli.FukanCli.RunAsync(cli, output, TextWriter.Null).GetAwaiter().GetResult();
        var times = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            long t = Stopwatch.GetTimestamp();
            Fukan.Cli.FukanCli.RunAsync(cli, TextWriter.Null, TextWriter.Null).GetAwaiter().GetResult();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        Console.WriteLine($"{string.Join(' ', verb)}: exit {exit}, {output.GetStringBuilder().Length} chars of output; warm ms {string.Join(" ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))}; median {Median(times):F1}");
        return 0;
    }

    /// <summary>The CLI's entry point in this process: once to warm up (JIT, caches), then timed.</summary>
    private static double Warm(string db, string[] verb, int runs)
    {
        var args = new[] { "--db", db }.Concat(verb).ToArray();
        Fukan.Cli.FukanCli.RunAsync(args, TextWriter.Null, TextWriter.Null).GetAwaiter().GetResult();
        var times = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            long t = Stopwatch.GetTimestamp();
            Fukan.Cli.FukanCli.RunAsync(args, TextWriter.Null, TextWriter.Null).GetAwaiter().GetResult();
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        return Median(times);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }

    /// <summary>Seeds ×N as distinct files, byte for byte what make-corpus writes (a copy-number line ends each copy).</summary>
    private static long MakeCorpus(string seeds, string dir, int copies)
    {
        Directory.CreateDirectory(dir);
        long total = 0;
        var files = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal).ToList();
        for (int i = 1; i <= copies; i++)
            foreach (var f in files)
            {
                var target = Path.Combine(dir, $"{Path.GetFileNameWithoutExtension(f)}_{i}.txt");
                if (!File.Exists(target))
                {
                    using var output = File.Create(target);
                    using (var input = File.OpenRead(f)) input.CopyTo(output);
                    output.Write(Encoding.UTF8.GetBytes($"\n(copy {i})\n"));
                }
                total += new FileInfo(target).Length;
            }
        return total;
    }

    private sealed record Measured(double Seconds, double PeakMb, int ExitCode);

    /// <summary>A whole process under /usr/bin/time: wall seconds and peak resident memory.</summary>
    private static Measured Timed(string file, string[] args)
    {
        var timeFile = Path.GetTempFileName();
        try
        {
            int code = RunProcess("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, file, .. args], out _);
            var parts = File.ReadAllText(timeFile).Trim().Split('\n').Last().Split(' ');
            return new Measured(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture) / 1024, code);
        }
        finally { File.Delete(timeFile); }
    }

    private static int RunProcess(string file, string[] args, out string output)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var stderr = p.StandardError.ReadToEndAsync();
        output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        output += stderr.GetAwaiter().GetResult();
        return p.ExitCode;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fukan.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Fukan.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("the Fukan checkout was not found (run from inside it)");
    }
}

/// <summary>A PostgreSQL database made for one benchmark run and dropped after it.</summary>
internal sealed class BenchDatabase : IDisposable
{
    private readonly string _server;
    private readonly string _name;

    private BenchDatabase(string server, string name, string location) => (_server, _name, Location) = (server, name, location);

    /// <summary>What <c>--db</c> takes for the new database.</summary>
    public string Location { get; }

    public static BenchDatabase Create(string server, string name)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) ? ToKeyValue(server) : server);
        using (var c = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            c.Open();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name}" })
                using (var cmd = new Npgsql.NpgsqlCommand(sql, c)) cmd.ExecuteNonQuery();
        }
        builder.Database = name;
        return new BenchDatabase(builder.ConnectionString, name, builder.ConnectionString);
    }

    /// <summary>postgresql://user:password@host:port/db → Host=…;Port=…;Username=…;Password=…;Database=….</summary>
    private static string ToKeyValue(string url)
    {
        var u = new Uri(url);
        var userInfo = u.UserInfo.Split(':', 2);
        var b = new Npgsql.NpgsqlConnectionStringBuilder { Host = u.Host, Port = u.Port > 0 ? u.Port : 5432, Database = u.AbsolutePath.Trim('/') is { Length: > 0 } d ? d : "postgres" };
        if (userInfo[0].Length > 0) b.Username = Uri.UnescapeDataString(userInfo[0]);
        if (userInfo.Length > 1) b.Password = Uri.UnescapeDataString(userInfo[1]);
        return b.ConnectionString;
    }

    public long Size()
    {
        using var c = new Npgsql.NpgsqlConnection(_server);
        c.Open();
        using var cmd = new Npgsql.NpgsqlCommand("SELECT pg_database_size(current_database())", c);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_server) { Database = "postgres" };
        using var c = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        c.Open();
        using var cmd = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", c);
        cmd.ExecuteNonQuery();
    }
}
