using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Fukan.Storage;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Cli;

public class IngestCliTests
{
    private static readonly byte[] ValidText = Encoding.UTF8.GetBytes("第1回 検討会 議事要旨\n\n日時：令和7年4月1日\n\n議事次第：\n\n1. 開会\n");

    [Fact]
    public async Task Ingest_Seeds_ThenDocsJson_FollowsTheContract()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        var ingest = await Support.Cli.RunAsync("--db", db, "ingest", Seeds.Directory);
        Assert.True(ingest.ExitCode == 0, ingest.ToString());
        Assert.Contains("4 file(s): 4 new", ingest.Out);

        var docs = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        Assert.Equal(0, docs.ExitCode);
        using var json = JsonDocument.Parse(docs.Out);
        Assert.Equal(4, json.RootElement.GetArrayLength());
        foreach (var d in json.RootElement.EnumerateArray())
        {
            foreach (var name in new[] { "id", "path", "title", "kind", "date", "lang", "bytes", "sections", "passages" })
                Assert.True(d.TryGetProperty(name, out _), $"docs --json lacks {name}");
            Assert.Equal(64, d.GetProperty("id").GetString()!.Length);
        }
        var kinds = json.RootElement.EnumerateArray().Select(d => d.GetProperty("kind").GetString()).Order().ToArray();
        Assert.Equal(["article", "article", "minutes", "report"], kinds);
    }

    [Fact]
    public async Task Ingest_Twice_IsANoOp()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        dir.Write("docs/a.txt", ValidText);
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", dir.File("docs"))).ExitCode);
        var again = await Support.Cli.RunAsync("--db", db, "ingest", dir.File("docs"), "--json");
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(0, json.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Ingest_ChangedFileAtSamePath_ReplacesTheOldVersion()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        var path = dir.Write("a.md", "# 旧版\n\n古い本文。\n");
        await Support.Cli.RunAsync("--db", db, "ingest", path);
        dir.Write("a.md", "# 新版\n\n新しい本文。\n");
        var r = await Support.Cli.RunAsync("--db", db, "ingest", path, "--json");
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(1, json.RootElement.GetProperty("replaced").GetInt32());
        await using var store = await SqliteKnowledgeStore.OpenAsync(db);
        var doc = Assert.Single(await store.ListDocumentsAsync());
        Assert.Equal("新版", doc.Title);
        Assert.DoesNotContain((await store.GetPassagesAsync(doc.Id)), p => p.Text.Contains("古い"));
    }

    [Fact]
    public async Task Ingest_BadFiles_EachGetsItsReason_AndStoredDocumentsAreUntouched()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        var good = dir.Write("good/minutes.txt", ValidText);
        Assert.Equal(0, (await Support.Cli.RunAsync("--db", db, "ingest", good)).ExitCode);
        var before = await Snapshot(db);

        dir.Write("bad/empty.txt", Array.Empty<byte>());
        dir.Write("bad/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x0A]);
        dir.Write("bad/invalid-utf8.txt", [.. Encoding.UTF8.GetBytes("全固体電池の研究開発が進展している。量子コンピューティング。"), 0xFF, .. Encoding.UTF8.GetBytes("続き")]);
        dir.Write("bad/truncated.pdf", Reading.ReaderTests.MakePdf("a page of text that is cut short")[..200]);
        dir.Write("bad/picture.png", [0x89, 0x50, 0x4E, 0x47]);
        var r = await Support.Cli.RunAsync("--db", db, "ingest", dir.File("bad"));

        Assert.Equal(1, r.ExitCode);
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.Contains("empty.txt: empty file"));
        Assert.Contains(lines, l => l.Contains("binary.txt: binary file (NUL byte at byte 4), not text"));
        Assert.Contains(lines, l => l.Contains("invalid-utf8.txt: invalid UTF-8 at byte 90"));
        Assert.Contains(lines, l => l.Contains("truncated.pdf: damaged or truncated PDF"));
        Assert.Contains(lines, l => l.Contains("picture.png: unsupported file type (.png); skipped"));
        Assert.All(lines, l => Assert.StartsWith("fukan: ", l));
        Assert.Equal(before, await Snapshot(db));
    }

    [Fact]
    public async Task Ingest_Cp932File_IsDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        var path = dir.Write("sjis.txt", Encoding.GetEncoding(932).GetBytes("全固体電池の動向\n\n硫化物系固体電解質の研究が進む。\n"));
        var r = await Support.Cli.RunAsync("--db", db, "ingest", path);
        Assert.Equal(0, r.ExitCode);
        var show = await Support.Cli.RunAsync("--db", db, "show", "sjis", "--json");
        using var json = JsonDocument.Parse(show.Out);
        Assert.Equal("shift_jis", json.RootElement.GetProperty("encoding").GetString());
        Assert.Equal("全固体電池の動向", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Ingest_FileVanishingMidRun_IsReportedAndTheRestIsStored()
    {
        using var dir = new TempDir();
        var db = dir.File("kb.db");
        for (int i = 0; i < 3; i++) dir.Write($"in/{i}.txt", Encoding.UTF8.GetBytes($"文書{i}\n\n本文{i}。\n"));
        await using var store = await SqliteKnowledgeStore.OpenAsync(db);
        // The file is listed, then deleted just before it is read.
        var ingestor = new Fukan.Pipeline.Ingestor(SeedDocuments.Pipeline, store, path =>
        {
            if (path.EndsWith("1.txt", StringComparison.Ordinal)) File.Delete(path);
            return File.ReadAllBytes(path);
        });
        var summary = await ingestor.IngestAsync([dir.File("in")]);
        Assert.Equal(2, summary.Added);
        Assert.Equal(1, summary.Failed);
        Assert.Contains(summary.Diagnostics, d => d.File.EndsWith("1.txt") && d.Message == "file vanished before it could be read");
    }

    [Fact]
    public async Task Ingest_MissingPathOrUnsupportedFile_ExitsOneWithAOneLineError()
    {
        using var dir = new TempDir();
        var r = await Support.Cli.RunAsync("--db", dir.File("kb.db"), "ingest", dir.File("nope"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("nope: no such file or folder", r.Err);
        var png = dir.Write("x.png", [1, 2, 3]);
        r = await Support.Cli.RunAsync("--db", dir.File("kb.db"), "ingest", png);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("x.png: unsupported file type (.png)", r.Err);
    }

    [Fact]
    public async Task Ingest_FolderWithSymlinkLoop_Terminates()
    {
        using var dir = new TempDir();
        dir.Write("tree/a/doc.txt", ValidText);
        Directory.CreateSymbolicLink(dir.File("tree/a/loop"), dir.File("tree"));
        var r = await Support.Cli.RunAsync("--db", dir.File("kb.db"), "ingest", dir.File("tree"), "--json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Out);
        Assert.Equal(1, json.RootElement.GetProperty("files").GetInt32());
    }

    [Fact]
    public async Task Usage_UnknownVerbOrOption_ExitsTwo()
    {
        var r = await Support.Cli.RunAsync("frobnicate");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("fukan: ", r.Err);
    }

    [Fact]
    public async Task Query_WithoutAKnowledgeBase_SaysHowToMakeOne()
    {
        using var dir = new TempDir();
        var r = await Support.Cli.RunAsync("--db", dir.File("none.db"), "docs");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("no knowledge base here (run `fukan ingest DIR` first", r.Err);
        Assert.False(File.Exists(dir.File("none.db")));
    }

    [Fact]
    public async Task Kill_DuringIngest_LeavesEveryDocumentWholeOrAbsent()
    {
        using var dir = new TempDir();
        var corpus = dir.File("corpus");
        var seed = File.ReadAllText(Seeds.Path("001"));
        for (int i = 0; i < 12; i++) dir.Write($"corpus/copy{i:D2}.txt", seed + $"\n複製 {i}\n");
        var db = dir.File("kb.db");
        var cli = Path.Combine(AppContext.BaseDirectory, "fukan.dll");
        using (var process = Process.Start(new ProcessStartInfo("dotnet", [cli, "--db", db, "ingest", corpus]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            // Kill once the first documents have committed, while later ones are in flight.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!process.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
                if (File.Exists(db) && await CountDocuments(db) >= 2) break;
            }
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        await using var store = await SqliteKnowledgeStore.OpenAsync(db);
        var docs = await store.ListDocumentsAsync();
        Assert.NotEmpty(docs);
        foreach (var d in docs)
        {
            Assert.Equal(d.PassageCount, (await store.GetPassagesAsync(d.Id)).Count);
            Assert.Equal(d.SectionCount, (await store.GetSectionsAsync(d.Id)).Count);
            Assert.Equal(d.Bytes, Encoding.UTF8.GetByteCount((await store.GetSourceAsync(d.Id)).Text));
        }
        // A re-run finishes the job.
        var r = await Support.Cli.RunAsync("--db", db, "ingest", corpus, "--json");
        Assert.Equal(0, r.ExitCode);
        await using var after = await SqliteKnowledgeStore.OpenAsync(db);
        Assert.Equal(12, (await after.ListDocumentsAsync()).Count);
    }

    private static async Task<int> CountDocuments(string db)
    {
        try
        {
            await using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
            await c.OpenAsync();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM documents";
            return Convert.ToInt32(await cmd.ExecuteScalarAsync());
        }
        catch (Microsoft.Data.Sqlite.SqliteException) { return 0; }
    }

    private static async Task<string> Snapshot(string db)
    {
        await using var store = await SqliteKnowledgeStore.OpenAsync(db);
        var sb = new StringBuilder();
        foreach (var d in await store.ListDocumentsAsync())
        {
            sb.Append(d.Id).Append(' ').Append(d.PassageCount).Append(' ').Append(d.SectionCount).Append('\n');
            foreach (var p in await store.GetPassagesAsync(d.Id)) sb.Append(p.Text).Append('\n');
        }
        return sb.ToString();
    }
}
