using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Landscape;

/// <summary>
/// A knowledge base with seed 001, a second edition derived from it at run time, and the bundled sample report.
/// The second edition (dated 2025-03, so the newest) changes two cells, renames 2.1.1, drops 2.1.2 (renumbering
/// 2.1.3 and 2.1.4), and changes two keywords of 2.1.1; nothing of the seed is stored in the repository.
/// </summary>
public sealed class LandscapeStoreFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();

    public string DbPath => _dir.File("landscape.db");

    public string EditionPath => _dir.File("edition2025.txt");

    public async ValueTask InitializeAsync()
    {
        _dir.Write("edition2025.txt", DeriveEdition(File.ReadAllText(Seeds.Path("001"))));
        var r = await Support.Cli.RunAsync("--db", DbPath, "ingest", Seeds.Path("001"), EditionPath, LandscapeTestDocs.SamplePath);
        if (r.ExitCode != 0) throw new InvalidOperationException(r.ToString());
    }

    /// <summary>The second edition: every edit checks the line it changes, so a changed seed fails loudly.</summary>
    public static string DeriveEdition(string seed)
    {
        var lines = seed.Split('\n').ToList();
        void Replace(int line, string expected, string from, string to)
        {
            var text = lines[line - 1];
            if (text.Trim() != expected) throw new InvalidOperationException($"seed line {line} is '{text.Trim()}', expected '{expected}'");
            lines[line - 1] = text.Replace(from, to, StringComparison.Ordinal);
        }
        Replace(201, "2023年3月", "2023", "2025");
        Replace(5360, "基礎研究 ◎ →", "◎ →", "○ ↘");                    // 2.1.1 JP basic: ◎ steady → ○ falling
        Replace(16395, "基礎研究 ◎ ↘", "↘", "→");                        // 2.5.4 US basic: falling → steady
        Replace(5015, "2.1.1 蓄電デバイス", "蓄電デバイス", "蓄電池デバイス"); // renamed
        var keywords = lines[5029].Trim();                                 // 2.1.1 (2): its last line
        if (!keywords.EndsWith("寿命、リサイクル", StringComparison.Ordinal)) throw new InvalidOperationException("seed keywords changed");
        lines[5029] = lines[5029].Replace("寿命、リサイクル", "リサイクル、資源循環", StringComparison.Ordinal);
        Replace(5908, "2.1.3 次世代太陽電池材料", "2.1.3", "2.1.2");
        Replace(6453, "2.1.4 再生可能エネルギーを利用した燃料・化成品変換技術", "2.1.4", "2.1.3");
        if (lines[5443].Trim() != "2.1.2 分離技術") throw new InvalidOperationException("seed area 2.1.2 moved");
        lines.RemoveRange(5443, 5907 - 5443);                              // drop 2.1.2 (lines 5444–5907)
        return string.Join('\n', lines);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }
}
