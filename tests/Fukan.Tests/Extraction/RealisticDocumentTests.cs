using Fukan.Tests.Support;
using System.Globalization;
using Fukan.Extraction.Dates;
using Fukan.Extraction.Quantities;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Hard cases from documents written for this purpose in styles the seeds do not cover (a corporate press release, a
/// government budget summary, an English technology news article, an English R&amp;D strategy, a hydrogen roadmap;
/// Expectations/documents). Each case is one line of those documents and the fact it must give.
/// </summary>
public class RealisticDocumentTests
{
    private static readonly QuantityParser Quantities = new();
    private static readonly DateParser Dates = new();
    private static readonly string DocumentDir = TestDocuments.Directory;

    private static QuantityMatch Quantity(string text, string expected)
    {
        var all = Quantities.Parse(text);
        var m = all.FirstOrDefault(q => q.Text == expected);
        Assert.True(m is not null, $"「{expected}」 not found in 「{text}」: {string.Join(" | ", all.Select(q => q.Text))}");
        return m!;
    }

    private static decimal D(string s) => decimal.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("At least 40% of the budget will go to battery materials and no more than 10% to legacy coatings.", "no more than 10%", "10", "%", "Max")]
    [InlineData("not less than 5 GW", "not less than 5 GW", "5", "GW", "Min")]
    [InlineData("為替の円高（1ドル=148円想定に対し実績142円）", "148円", "148", "JPY", null)]
    [InlineData("充電時間は10分未満（残量10%から80%まで）を実現", "10%から80%まで", "10", "%", null)]
    [InlineData("サイクル寿命は1,000回以上を目標としています。", "1,000回以上", "1000", "回", "Min")]
    [InlineData("a cycle life of 800 cycles or more by 2028", "800 cycles or more", "800", "回", "Min")]
    [InlineData("expects to ship more than 1,000 units by 2027", "more than 1,000 units", "1000", "台", "Min")]
    [InlineData("プラズマ電流15MA、核融合出力500MWの運転", "15MA", "15", "MA", null)]
    [InlineData("its actuators now deliver torque of 180 Nm", "180 Nm", "180", "N·m", null)]
    [InlineData("its latest model walks at 1.8 m/s.", "1.8 m/s", "1.8", "m/s", null)]
    [InlineData("液化水素は−253℃で貯蔵され", "−253℃", "-253", "°C", null)]
    public void Quantities_HardCases(string text, string expected, string value, string unit, string? bound)
    {
        var m = Quantity(text, expected);
        Assert.Equal(D(value), m.Value);
        Assert.Equal(unit, m.Unit);
        Assert.Equal(bound, m.Bound?.ToString());
    }

    [Theory]
    [InlineData("（単位：百万円、端数処理の関係で合計が一致しない場合がある）")]
    [InlineData("1回のクエリに対するコスト")]
    public void NotQuantities(string text) => Assert.Empty(Quantities.Parse(text));

    [Theory]
    [InlineData("令和8年度概算要求額は1兆2,345億円（対前年度1,102億円増）である。", "1兆2,345億円", "概算要求額")]
    [InlineData("The company reported a net loss of $1.2bn for FY2024.", "$1.2bn", "net loss")]
    [InlineData("its actuators now deliver torque of 180 Nm", "180 Nm", "torque")]
    [InlineData("Q4 2025: complete the 5 MW pilot plant in Osaka.", "5 MW", "pilot plant")]
    [InlineData("received a €75 million grant from the EU", "€75 million", "grant")]
    [InlineData("営業利益は96億5千万円（同8.1%減）となりました。", "8.1%", "営業利益")]
    [InlineData("売上高は1,284億円（前年同期比12.4%増）、", "12.4%", "売上高")]
    [InlineData("3年間で総額約850億円を投資する計画です。", "約850億円", "投資")]
    [InlineData("年間配当は1株当たり62円（前期比4円増配）を予定", "62円", "配当")]
    [InlineData("従業員数は2025年9月末時点で12,480名です。", "12,480名", "従業員数")]
    [InlineData("with capacity of up to 20,000 robots a year.", "up to 20,000 robots a year", "capacity")]
    public void Subjects(string text, string expected, string subject) => Assert.Equal(subject, Quantity(text, expected).Subject);

    [Theory]
    [InlineData("基金は令和8年度末まで活用する。", "令和8年度末まで", null, "2027-03-31", "open")]
    [InlineData("拠点を令和9年3月末までに整備する。", "令和9年3月末までに", null, "2027-03-31", "open")]
    [InlineData("従業員数は2025年9月末時点で12,480名です。", "2025年9月末", "2025-09-30", "2025-09-30", "day")]
    [InlineData("保有台数は2025年末時点で約1.2万台", "2025年末", "2025-12-01", "2025-12-31", "month")]
    [InlineData("deployments with two logistics customers in late 2024", "late 2024", "2024-09-01", "2024-12-31", "period")]
    [InlineData("- Mid-2027: first commercial shipments", "Mid-2027", "2027-05-01", "2027-08-31", "period")]
    [InlineData("reach 10 mS/cm by the end of 2026, and", "by the end of 2026", null, "2026-12-31", "open")]
    [InlineData("begin pilot production in the first half of 2027.", "first half of 2027", "2027-01-01", "2027-06-30", "half")]
    [InlineData("recover 95% of lithium starting in 2026.", "starting in 2026", "2026-01-01", null, "open")]
    [InlineData("Revenue grew 38% to $86.5 million in fiscal 2024, while", "fiscal 2024", "2024-04-01", "2025-03-31", "fiscalYear")]
    [InlineData("A software update due between April and June 2026 will", "between April and June 2026", "2026-04-01", "2026-06-30", "period")]
    [InlineData("an update due April–June 2026", "April–June 2026", "2026-04-01", "2026-06-30", "period")]
    public void Dates_HardCases(string text, string expected, string? start, string? end, string precision)
    {
        var all = Dates.Parse(text);
        var m = all.FirstOrDefault(d => d.Text == expected);
        Assert.True(m is not null, $"「{expected}」 not found in 「{text}」: {string.Join(" | ", all.Select(d => d.Text))}");
        Assert.Equal(start, m!.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(end, m.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        string name = m.Precision.ToString();
        Assert.Equal(precision, char.ToLowerInvariant(name[0]) + name[1..]);
    }

    [Theory]
    [InlineData("2025年末端の装置")]
    [InlineData("the CRDS-2022 report")]
    public void NotDates(string text) => Assert.DoesNotContain(Dates.Parse(text), d => d.Text.Contains("末") || d.Text.Contains("2022"));

    /// <summary>Every line of every document parses without throwing, and each fact's text is the span it names.</summary>
    [Fact]
    public void Documents_ParseWithExactSpans()
    {
        var files = Directory.GetFiles(DocumentDir, "*.md");
        Assert.True(files.Length >= 5);
        foreach (var file in files)
            foreach (var line in File.ReadLines(file))
            {
                foreach (var q in Quantities.Parse(line)) Assert.Equal(line.Substring(q.Span.Start, q.Span.Length), q.Text);
                foreach (var d in Dates.Parse(line)) Assert.Equal(line.Substring(d.Span.Start, d.Span.Length), d.Text);
            }
    }
}
