using System.Text.Json;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, case 2 and 10: a named pipe behind a supported extension hung the ingest for ever (deaf to Ctrl-C),
/// a link to /dev/zero ran out of memory, a dangling link was called "vanished" and a file name that is not
/// UTF-8 was skipped with exit 0. Each is now one line, the files after them are ingested, and the exit is 1.
/// Run in a child process with a timeout, so a regression fails the test instead of hanging the suite.
/// </summary>
public class SpecialFileTests
{
    [Fact]
    public async Task Ingest_PipesDevicesAndDanglingLinks_AreOneLineEach_AndLaterFilesAreIngested()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes and /dev/zero are Linux fixtures");
        using var dir = new TempDir();
        var docs = Path.Combine(dir.Path, "d");
        Directory.CreateDirectory(docs);
        ChildProcess.Shell($"mkfifo '{Path.Combine(docs, "a_pipe.txt")}'");
        File.CreateSymbolicLink(Path.Combine(docs, "b_zero.txt"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(docs, "c_dangling.md"), Path.Combine(dir.Path, "gone.md"));
        ChildProcess.Shell($"printf '本文です。\\n' > '{docs}'/\"$(printf 'd_bad\\377.txt')\"");
        dir.Write("d/e_good.md", "# 良い文書\n\n2030年に水素を導入する計画である。\n");
        var db = dir.File("k.db");

        var r = await ChildProcess.RunCliAsync(dir.Path, TimeSpan.FromSeconds(120), null, "--db", db, "ingest", docs);

        Assert.False(r.TimedOut, r.ToString());
        Assert.True(r.ExitCode == 1, r.ToString());
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.EndsWith("a_pipe.txt: a named pipe (FIFO), not a regular file; not read", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("b_zero.txt: a device, not a regular file; not read", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("c_dangling.md: dangling symbolic link (its target does not exist)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("d_bad", StringComparison.Ordinal) && l.EndsWith("file name is not valid UTF-8; cannot be opened (rename the file)", StringComparison.Ordinal));
        Assert.Contains("1 new", r.Out);
        Assert.Contains("4 failed", r.Out);

        var listed = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        using var json = JsonDocument.Parse(listed.Out);
        Assert.Equal("良い文書", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_NamedPipeGivenExplicitly_IsRefusedWithoutOpeningIt()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "named pipes are a Linux fixture");
        using var dir = new TempDir();
        var pipe = dir.File("p.txt");
        ChildProcess.Shell($"mkfifo '{pipe}'");

        // In process: opening the pipe would block this test for ever, so the bound is the test's own timeout.
        var r = await Support.Cli.RunAsync("--db", dir.File("k.db"), "ingest", pipe).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("p.txt: a named pipe (FIFO), not a regular file; not read", r.Err);
    }
}
