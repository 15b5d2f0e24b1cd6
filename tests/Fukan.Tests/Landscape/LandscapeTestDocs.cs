using System.Text;
using Fukan.Extraction.Landscape;
using Fukan.Model;
using Fukan.Pipeline;
using Fukan.Tests.Support;

namespace Fukan.Tests.Landscape;

/// <summary>Helpers for the landscape tests: the processed 001 report, the bundled sample, synthetic reports.</summary>
internal static class LandscapeTestDocs
{
    public static ProcessedDocument Report => SeedDocuments.Get("001");

    public static IReadOnlyList<ComparisonRow> Rows(ProcessedDocument doc) => doc.Facts.OfType<ComparisonRow>().ToList();

    public static IReadOnlyList<AreaProfile> Profiles(ProcessedDocument doc) => doc.Facts.OfType<AreaProfile>().ToList();

    /// <summary>The bundled sample report (samples/report_sample.txt), found beside the checkout.</summary>
    public static string SamplePath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "report_sample.txt");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("samples/report_sample.txt not found above " + AppContext.BaseDirectory);
        }
    }

    public static ProcessedDocument Process(string path) =>
        SeedDocuments.Pipeline.Process(path, File.ReadAllBytes(path)).Document ?? throw new InvalidOperationException($"{path} failed");

    /// <summary>Processes text as a .txt file (nothing is written to disk).</summary>
    public static ProcessedDocument ProcessText(string text, string name = "synthetic.txt")
    {
        var result = SeedDocuments.Pipeline.Process(Path.Combine(Path.GetTempPath(), name), Encoding.UTF8.GetBytes(text));
        return result.Document ?? throw new InvalidOperationException(string.Join("; ", result.Diagnostics));
    }

    /// <summary>
    /// A small synthetic panoramic report with one area whose comparison table is <paramref name="table"/> (the
    /// lines after （7）国際比較), followed by a legend unless <paramref name="legend"/> is false.
    /// </summary>
    public static string ReportText(string table, bool legend = true, string? title = "テスト分野（2030年）研究開発の俯瞰報告書")
    {
        var sb = new StringBuilder();
        sb.AppendLine(title).AppendLine();
        sb.AppendLine("2 俯瞰区分と研究開発領域").AppendLine();
        sb.AppendLine("2.1 テスト区分").AppendLine();
        sb.AppendLine("2.1.1 テスト領域").AppendLine();
        sb.AppendLine("（1）研究開発領域の定義").AppendLine("試験用の領域である。").AppendLine();
        sb.AppendLine("（2）キーワード").AppendLine("甲、乙、丙").AppendLine();
        sb.AppendLine("（3）研究開発領域の概要").AppendLine("概要の文である。").AppendLine();
        sb.AppendLine("（4）注目動向").AppendLine("動向の文である。").AppendLine();
        sb.AppendLine("（5）科学技術的課題").AppendLine("課題の文である。").AppendLine();
        sb.AppendLine("（6）その他の課題").AppendLine("別の課題である。").AppendLine();
        sb.AppendLine("（7）国際比較").AppendLine();
        sb.AppendLine("国・地域 フェーズ 現状 トレンド 各国の状況、評価の際に参考にした根拠など").AppendLine();
        sb.Append(table.ReplaceLineEndings("\n"));
        if (!table.EndsWith('\n')) sb.Append('\n');
        if (legend)
        {
            sb.AppendLine().AppendLine("（註1）フェーズ").AppendLine();
            sb.AppendLine("基礎研究：大学・国研などでの基礎研究の範囲").AppendLine();
            sb.AppendLine("応用研究・開発：技術開発（プロトタイプの開発含む）の範囲").AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>The 1-based line of the first line of <paramref name="text"/> equal to <paramref name="line"/> after trimming.</summary>
    public static int LineOf(string text, string line)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++) if (lines[i].Trim() == line) return i + 1;
        throw new InvalidOperationException($"no line '{line}'");
    }

    public static IReadOnlyList<Diagnostic> Warnings(ProcessedDocument doc) => doc.Diagnostics.Where(d => d.Severity == Severity.Warning).ToList();
}
