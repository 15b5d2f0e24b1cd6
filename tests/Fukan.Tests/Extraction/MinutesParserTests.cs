using System.Text.Json;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Extraction;

public class MinutesParserTests
{
    private static readonly MinutesParser Parser = new();
    private static readonly DocumentId Id = new("minutes-test");

    private static (SourceText Source, MinutesDigest Digest, List<(int Line, string Message)> Warnings) Parse(string text)
    {
        var source = new SourceText(text);
        var warnings = new List<(int, string)>();
        return (source, Parser.Parse(source, Id, (l, m) => warnings.Add((l, m))), warnings);
    }

    // ---- another house style: 議事録 with full-width numbers, （１） parts and ○speaker： lines -----------------

    private const string Gijiroku = """
        第5回 量子技術戦略会議 議事録

        日時：令和8年3月4日（水）14時00分～16時00分
        場所：中央合同庁舎第4号館 共用会議室

        出席者：
        （委員）
        　山田 太郎　　東京量子大学 教授
        　佐藤 花子　　量子テック株式会社 代表取締役
        　小川 遥　　サンプル投資株式会社 アナリスト

        議事次第
        １．開会
        ２．量子コンピュータ開発の現状について
        ３．意見交換
        ４．閉会

        議事概要
        （１）量子コンピュータ開発の現状について
        事務局より資料１に基づき説明。

        （２）意見交換
        ○山田委員：誤り訂正の研究では米国との差が広がっている。
        ○佐藤委員：年間500億円規模の基金が必要だ。
        ○事務局：次回までに論点を整理する。

        以上
        """;

    [Fact]
    public void Gijiroku_AgendaKeepsNumberedLabelWords_PartsAreTopics_SpeakersHaveSides()
    {
        var (_, d, _) = Parse(Gijiroku);
        Assert.Equal(new DateOnly(2026, 3, 4), d.Date);
        Assert.Equal(["開会", "量子コンピュータ開発の現状について", "意見交換", "閉会"], d.Agenda.Select(a => a.Text));
        Assert.Equal(["山田 太郎", "佐藤 花子", "小川 遥"], d.Attendees.Select(a => a.Name));
        Assert.Equal(("サンプル投資株式会社", "アナリスト"), (d.Attendees[2].Organization, d.Attendees[2].Title));

        var s = d.Statements;
        Assert.Equal(4, s.Count);
        Assert.Equal(("量子コンピュータ開発の現状について", StatementSide.Secretariat), (s[0].Topic, s[0].Side));
        Assert.All(s.Skip(1), x => Assert.Equal("意見交換", x.Topic));
        Assert.Equal([StatementSide.Member, StatementSide.Member, StatementSide.Secretariat], s.Skip(1).Select(x => x.Side));
        Assert.Equal("山田委員", s[1].Speaker);
    }

    // ---- the seed (read at run time) -----------------------------------------------------------------------

    [Fact]
    public void Seed002_HeaderFields()
    {
        var (_, d, warnings) = Parse(Seeds.ReadText("002"));
        Assert.Empty(warnings);
        Assert.Equal(new DateOnly(2026, 2, 12), d.Date);
        Assert.Equal("16:30", d.StartTime);
        Assert.Equal("18:30", d.EndTime);
        Assert.StartsWith("経済産業省", d.Place);
        Assert.Contains("ワーキンググループ", d.Title);
        Assert.DoesNotContain("議事要旨", d.Title);
    }

    [Fact]
    public void Seed002_AllNineAttendeesHaveOrganisationAndTitle()
    {
        var (source, d, _) = Parse(Seeds.ReadText("002"));
        Assert.Equal(9, d.Attendees.Count);
        foreach (var a in d.Attendees)
        {
            Assert.False(string.IsNullOrWhiteSpace(a.Name));
            Assert.False(string.IsNullOrWhiteSpace(a.Organization), a.Name);
            Assert.False(string.IsNullOrWhiteSpace(a.Title), a.Name);
            Assert.DoesNotContain('\t', a.Name + a.Organization + a.Title);
            Assert.Equal(AttendeeRole.Member, a.Role);
            var line = source.LineString(a.Provenance.Line);
            Assert.Contains(a.Name, line);
            Assert.StartsWith(a.Name, source.Text[a.Provenance.Span.Start..a.Provenance.Span.End]);
        }
        // Organisation and title run together are split at the first title word.
        var byTitleWord = d.Attendees.Where(a => a.Title.StartsWith("代表取締役", StringComparison.Ordinal) || a.Title.StartsWith("執行役員", StringComparison.Ordinal)).ToList();
        Assert.True(byTitleWord.Count >= 4);
        Assert.All(byTitleWord, a => Assert.Contains("株式会社", a.Organization));
        Assert.Contains(d.Attendees, a => a.Title == "教授" && a.Organization.Contains("大学", StringComparison.Ordinal));
        // One attendee holds two roles, written X/Y.
        var dual = Assert.Single(d.Attendees, a => a.Affiliations.Count == 2);
        Assert.All(dual.Affiliations, f => Assert.False(string.IsNullOrWhiteSpace(f.Organization)));
        Assert.All(dual.Affiliations, f => Assert.False(string.IsNullOrWhiteSpace(f.Title)));
        Assert.Contains(" / ", dual.Organization);
    }

    [Fact]
    public void Seed002_AgendaKeepsNestedItemsUnderTheirParent()
    {
        var (_, d, _) = Parse(Seeds.ReadText("002"));
        Assert.Equal(5, d.Agenda.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], d.Agenda.Select(a => a.Number));
        Assert.Equal(2, d.Agenda[0].Items.Count);
        Assert.Equal(["(1)", "(2)"], d.Agenda[0].Items.Select(a => a.Number));
        Assert.EndsWith("挨拶", d.Agenda[0].Items[0].Text);
        Assert.Single(d.Agenda[4].Items);
        Assert.All(d.Agenda.Skip(1).Take(3), a => Assert.Empty(a.Items));
    }

    [Fact]
    public void Seed002_StatementsHaveTopicSideAndExactProvenance()
    {
        var (source, d, _) = Parse(Seeds.ReadText("002"));
        Assert.Equal(28, d.Statements.Count);
        var members = d.Statements.Where(s => s.Side == StatementSide.Member).ToList();
        var secretariat = d.Statements.Where(s => s.Side == StatementSide.Secretariat).ToList();
        Assert.Equal(21, members.Count);
        Assert.Equal(7, secretariat.Count);
        Assert.Equal(3, members.Select(s => s.Topic).Distinct().Count());
        Assert.All(members, s => Assert.NotNull(s.Topic));
        Assert.All(secretariat, s => Assert.Null(s.Topic));
        Assert.Equal(6, members.Count(s => s.Topic == members[0].Topic));
        Assert.Contains(members, s => s.Topic!.StartsWith("AI", StringComparison.Ordinal));
        foreach (var s in d.Statements)
        {
            Assert.Equal(s.Text, source.Text[s.Provenance.Span.Start..s.Provenance.Span.End]);
            Assert.Equal(source.LineOf(s.Provenance.Span.Start), s.Provenance.Line);
            Assert.False(s.Text.StartsWith('-') || s.Text.StartsWith('・'), s.Text);
        }
        // Statements come after the agenda, in document order.
        Assert.True(d.Statements.Zip(d.Statements.Skip(1)).All(p => p.First.Provenance.Line < p.Second.Provenance.Line));
    }

    [Fact]
    public void Digest_Json_IsTheContract()
    {
        var (_, d, _) = Parse(Seeds.ReadText("002"));
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(d, FukanJson.Options));
        var root = json.RootElement;
        Assert.Equal("2026-02-12", root.GetProperty("date").GetString());
        var attendee = root.GetProperty("attendees")[0];
        foreach (var key in new[] { "name", "organization", "title" }) Assert.Equal(JsonValueKind.String, attendee.GetProperty(key).ValueKind);
        var statement = root.GetProperty("statements")[0];
        Assert.Equal("member", statement.GetProperty("side").GetString());
        foreach (var key in new[] { "topic", "text", "provenance" }) Assert.True(statement.TryGetProperty(key, out _), key);
        Assert.True(statement.GetProperty("provenance").GetProperty("line").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("agenda")[0].GetProperty("items").ValueKind);
    }

    // ---- other layouts --------------------------------------------------------------------------------------

    private const string TableMinutes = """
        参考資料２
        第３回　次世代電池戦略検討会　議事録

        １．日　時：令和７年１０月３日（金）午後２時～午後４時
        ２．場　所：オンライン開催（Web会議）
        ３．出席者：
        （委員）
        | 氏名 | 所属 | 役職 |
        |---|---|---|
        | 山田　太郎 | 架空大学工学部 | 教授 |
        | 佐藤　花子 | 株式会社テスト電池 | 代表取締役社長 |
        （オブザーバー）
        鈴木　一郎　一般社団法人架空電池工業会　専務理事
        ◎田中　次郎（架空工業大学　名誉教授）
        （欠席）
        高橋委員、伊藤委員
        ４．議題
        （１）蓄電池をめぐる状況について
        （２）今後の進め方
        ５．配布資料
        資料１　議事次第
        資料２　事務局説明資料

        ６．議事概要
        ○山田委員　全固体電池の量産には歩留まりの改善が必要。
        特に界面制御が課題である。

        ○事務局（商務情報政策局）　ご指摘を踏まえ検討したい。
        【今後の進め方】
        佐藤委員：サプライチェーンの強化が重要。
        （以上）
        問い合わせ先　架空局
        """;

    [Fact]
    public void TableLayout_HeaderFields()
    {
        var (_, d, warnings) = Parse(TableMinutes);
        Assert.Empty(warnings);
        Assert.Equal("第３回　次世代電池戦略検討会", d.Title);
        Assert.Equal(new DateOnly(2025, 10, 3), d.Date);
        Assert.Equal(("14:00", "16:00"), (d.StartTime, d.EndTime));
        Assert.Equal("オンライン開催（Web会議）", d.Place);
        Assert.Equal(["資料１　議事次第", "資料２　事務局説明資料"], d.Materials);
    }

    [Fact]
    public void TableLayout_AttendeesFromTableLinesAndBrackets_WithRoles()
    {
        var (_, d, _) = Parse(TableMinutes);
        Assert.Equal(
            [
                ("山田　太郎", "架空大学工学部", "教授", AttendeeRole.Member),
                ("佐藤　花子", "株式会社テスト電池", "代表取締役社長", AttendeeRole.Member),
                ("鈴木　一郎", "一般社団法人架空電池工業会", "専務理事", AttendeeRole.Observer),
                ("田中　次郎", "架空工業大学", "名誉教授", AttendeeRole.Chair),
                ("高橋", "", "", AttendeeRole.Absent),
                ("伊藤", "", "", AttendeeRole.Absent),
            ],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
    }

    [Fact]
    public void TableLayout_AgendaAndSpeakerPrefixedStatements()
    {
        var (source, d, _) = Parse(TableMinutes);
        Assert.Equal(["蓄電池をめぐる状況について", "今後の進め方"], d.Agenda.Select(a => a.Text));
        Assert.Equal(["(1)", "(2)"], d.Agenda.Select(a => a.Number));
        Assert.Equal(3, d.Statements.Count);

        var first = d.Statements[0];
        Assert.Equal("山田委員", first.Speaker);
        Assert.Equal(StatementSide.Member, first.Side);
        Assert.Equal("全固体電池の量産には歩留まりの改善が必要。特に界面制御が課題である。", first.Text);
        Assert.Equal(first.Provenance.Line + 1, first.Provenance.EndLine);
        Assert.StartsWith("全固体電池", source.Text[first.Provenance.Span.Start..]);

        Assert.Equal(StatementSide.Secretariat, d.Statements[1].Side);
        Assert.StartsWith("事務局", d.Statements[1].Speaker);
        Assert.Null(d.Statements[1].Topic);

        Assert.Equal("今後の進め方", d.Statements[2].Topic);
        Assert.Equal("佐藤委員", d.Statements[2].Speaker);
        Assert.Equal("サプライチェーンの強化が重要。", d.Statements[2].Text);
    }

    [Fact]
    public void InlineLayout_CommaListsInlineAgendaAndWesternDate()
    {
        var (_, d, _) = Parse("""
            ■架空審議会　技術部会（第12回）議事要旨
            【日時】2025年4月1日（火）10:00-12:00
            【場所】架空合同庁舎4階
            【出席者】
            座長：山本　一郎（架空大学大学院 教授）
            委員：中村　二郎（架空研究所 所長）、小林　三郎（架空重工株式会社 取締役）
            【議題】（１）技術動向について（２）その他
            【議事概要】
            ・中村委員から、研究開発投資の拡充が必要との意見があった。
            ・事務局から、次回までに論点を整理すると説明があった。
            """);
        Assert.Equal(new DateOnly(2025, 4, 1), d.Date);
        Assert.Equal(("10:00", "12:00"), (d.StartTime, d.EndTime));
        Assert.Equal("架空合同庁舎4階", d.Place);
        Assert.Equal(
            [("山本　一郎", "架空大学大学院", "教授", AttendeeRole.Chair), ("中村　二郎", "架空研究所", "所長", AttendeeRole.Member), ("小林　三郎", "架空重工株式会社", "取締役", AttendeeRole.Member)],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.Equal(["技術動向について", "その他"], d.Agenda.Select(a => a.Text));
        Assert.Equal(2, d.Statements.Count);
        Assert.All(d.Statements, s => Assert.Null(s.Topic));
    }

    [Fact]
    public void VerbatimLayout_GroupHeadingsNestedAgendaAndSpeakerParagraphs()
    {
        var (_, d, _) = Parse("""
            第５回　架空技術戦略会議　議事録

            １．日時　令和６年１２月２０日（金）１０：００～１２：００
            ２．場所　中央合同庁舎８号館　特別中会議室
            ３．出席者
            （構成員）
            　山本座長、田中構成員、鈴木構成員
            （政府）
            　佐藤内閣府特命担当大臣
            （事務局）
            　高橋内閣府政策統括官

            ４．議事
            （１）開会
            （２）議題
            　①　架空技術の動向について
            　②　その他
            （３）閉会

            ５．議事概要
            ○山本座長　ただいまから第５回会議を開催いたします。
            　本日は、お忙しいところありがとうございます。
            ○佐藤大臣　一言御挨拶申し上げます。
            ○田中構成員　２点申し上げます。
            　１点目は、人材育成です。
            　２点目は、国際連携です。

            （以上）
            """);
        Assert.Equal(("10:00", "12:00"), (d.StartTime, d.EndTime));
        Assert.Equal(
            [("山本", "", "", AttendeeRole.Chair), ("田中", "", "", AttendeeRole.Member), ("鈴木", "", "", AttendeeRole.Member),
             ("佐藤", "内閣府", "特命担当大臣", AttendeeRole.Secretariat), ("高橋", "内閣府", "政策統括官", AttendeeRole.Secretariat)],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.Equal(["開会", "議題", "閉会"], d.Agenda.Select(a => a.Text));
        Assert.Equal(["架空技術の動向について", "その他"], d.Agenda[1].Items.Select(a => a.Text));
        Assert.Equal(["①", "②"], d.Agenda[1].Items.Select(a => a.Number));
        Assert.Equal(
            [("山本座長", StatementSide.Member), ("佐藤大臣", StatementSide.Secretariat), ("田中構成員", StatementSide.Member)],
            d.Statements.Select(s => (s.Speaker!, s.Side)));
        Assert.Equal("２点申し上げます。１点目は、人材育成です。２点目は、国際連携です。", d.Statements[2].Text);
        Assert.Equal(3, d.Statements[2].Provenance.EndLine - d.Statements[2].Provenance.Line + 1);
    }

    [Fact]
    public void SummaryLayout_SubHeaderAfterTitle_SpeakerFromAndBracketSpeakers()
    {
        var (_, d, _) = Parse("""
            産業構造審議会 架空分科会 架空小委員会（第10回）
            議事要旨

            日時：令和5年3月1日（水曜日）10時00分～12時00分
            場所：架空庁舎17階会議室及びオンライン
            出席者
            委員長：山本　一郎
            委員：中村　二郎、小林　三郎
            議題
            1. 架空分野の現状について
            2. その他
            議事概要
            （1）事務局から資料に基づき説明。
            （2）委員からの主な意見は以下の通り。
            ・中村委員から、研究開発投資の拡充が必要との意見があった。
            ・標準化の取組を加速すべき。
            【山本委員長】
            　それでは、定刻になりましたので始めます。
            【事務局】
            　資料１に基づき説明いたします。
            以上
            """);
        Assert.Equal("産業構造審議会 架空分科会 架空小委員会（第10回）", d.Title);
        Assert.Equal(new DateOnly(2023, 3, 1), d.Date);
        Assert.Equal(["山本　一郎", "中村　二郎", "小林　三郎"], d.Attendees.Select(a => a.Name));
        Assert.Equal(AttendeeRole.Chair, d.Attendees[0].Role);
        Assert.Equal(
            [("事務局", StatementSide.Secretariat), ("中村委員", StatementSide.Member), (null, StatementSide.Member), ("山本委員長", StatementSide.Member), ("事務局", StatementSide.Secretariat)],
            d.Statements.Select(s => (s.Speaker, s.Side)));
        Assert.Equal("中村委員から、研究開発投資の拡充が必要との意見があった。", d.Statements[1].Text);
    }

    [Fact]
    public void MissingParts_AreEmptyNotErrors()
    {
        var (_, d, _) = Parse("""
            議事録

            会議の冒頭、趣旨説明があった。
            各参加者から自由に意見が述べられた。
            """);
        Assert.Equal("議事録", d.Title);
        Assert.Null(d.Date);
        Assert.Null(d.Place);
        Assert.Empty(d.Attendees);
        Assert.Empty(d.Agenda);
        Assert.Empty(d.Materials);
        var s = Assert.Single(d.Statements);
        Assert.Null(s.Topic);
        Assert.Equal("会議の冒頭、趣旨説明があった。各参加者から自由に意見が述べられた。", s.Text);
    }

    [Fact]
    public void UnreadableDate_IsAWarningWithItsLine()
    {
        var (_, d, warnings) = Parse("第1回会議\n日時：追って連絡\n場所：未定\n");
        Assert.Null(d.Date);
        Assert.Equal("未定", d.Place);
        var w = Assert.Single(warnings);
        Assert.Equal(2, w.Line);
    }

    [Fact]
    public void EmptyText_GivesAnEmptyDigest()
    {
        var (_, d, _) = Parse("");
        Assert.Equal("", d.Title);
        Assert.Empty(d.Statements);
    }

    [Theory]
    [InlineData("株式会社安川電機執行役員技術開発本部", "株式会社安川電機", "執行役員技術開発本部")]
    [InlineData("東京大学大学院工学系研究科教授", "東京大学大学院工学系研究科", "教授")]
    [InlineData("架空理化学研究所長", "架空理化学研究所", "所長")]
    [InlineData("架空委員会委員", "架空委員会", "委員")]
    [InlineData("Fictional Corp. Chief Technology Officer", "Fictional Corp.", "Chief Technology Officer")]
    [InlineData("架空大学", "架空大学", "")]
    [InlineData("教授", "", "教授")]
    public void SplitOrgTitle_SplitsAtTheFirstTitleWord(string text, string org, string title) =>
        Assert.Equal(new Affiliation(org, title), AttendeeParser.SplitOrgTitle(text));
}
