using System.Text.Json;
using Fukan.Extraction.Minutes;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Minutes in house styles the seeds do not show, kept as files under Extraction/MinutesStyles (invented meetings,
/// people and organisations): verbatim ○speaker records, 【speaker】 records with labels on their own lines, inline
/// colon lists with （speaker） lines, and tab tables with officials listed post first.
/// </summary>
public class MinutesHouseStyleTests
{
    private static readonly MinutesParser Parser = new();
    private static readonly DocumentId Id = new("house-style");

    private static (SourceText Source, MinutesDigest Digest, List<(int Line, string Message)> Warnings) ParseFile(string name) =>
        Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Extraction", "MinutesStyles", name)));

    private static (SourceText Source, MinutesDigest Digest, List<(int Line, string Message)> Warnings) Parse(string text)
    {
        var source = new SourceText(text);
        var warnings = new List<(int, string)>();
        return (source, Parser.Parse(source, Id, (l, m) => warnings.Add((l, m))), warnings);
    }

    /// <summary>Every statement's provenance is exactly its text (for one-line statements) and starts on its line.</summary>
    private static void AssertProvenance(SourceText source, MinutesDigest d)
    {
        foreach (var s in d.Statements)
        {
            var covered = source.Text[s.Provenance.Span.Start..s.Provenance.Span.End];
            Assert.StartsWith(s.Text[..Math.Min(8, s.Text.Length)], covered);
            Assert.Equal(source.LineOf(s.Provenance.Span.Start), s.Provenance.Line);
        }
        foreach (var a in d.Attendees) Assert.Contains(a.Name.Split(' ', '　')[0], source.LineString(a.Provenance.Line));
    }

    // ---- ○speaker verbatim 議事録 ---------------------------------------------------------------------------

    [Fact]
    public void VerbatimMaru_HeaderFields_WaReki_WebMeeting()
    {
        var (_, d, warnings) = ParseFile("verbatim_maru.txt");
        Assert.Empty(warnings);
        Assert.Equal("第４回　地域水素利活用推進検討会", d.Title);
        Assert.Equal(new DateOnly(2024, 3, 5), d.Date);
        Assert.Equal(("14:00", "16:00"), (d.StartTime, d.EndTime));
        Assert.Equal("WEB会議（オンライン開催）", d.Place);
        Assert.Equal(["開会", "水素需要の見通しについて", "自由討議", "閉会"], d.Agenda.Select(a => a.Text));
        Assert.Equal(["(1)", "(2)", "(3)", "(4)"], d.Agenda.Select(a => a.Number));
    }

    [Fact]
    public void VerbatimMaru_Attendees_ChairMark_OfficialsListedPostFirst()
    {
        var (source, d, _) = ParseFile("verbatim_maru.txt");
        Assert.Equal(
            [
                ("大西　健一", "港北工業大学大学院工学研究科", "教授", AttendeeRole.Chair),
                ("川口　美咲", "株式会社みなと水素", "技術開発部長", AttendeeRole.Member),
                ("藤井　翔太", "一般社団法人北浜エネルギー協会", "専務理事", AttendeeRole.Member),
                ("野村　沙織", "潮見総合研究所", "主席研究員", AttendeeRole.Member),
                ("松下　亮", "有明パイプライン株式会社", "企画部長", AttendeeRole.Observer),
                ("森田　隆", "資源エネルギー庁", "水素・アンモニア課長", AttendeeRole.Secretariat),
                ("佐藤　由紀", "資源エネルギー庁 水素・アンモニア課", "課長補佐", AttendeeRole.Secretariat),
            ],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.Equal(9, d.Attendees[0].Provenance.Line);
        Assert.Equal(17, d.Attendees[^1].Provenance.Line);
        AssertProvenance(source, d);
    }

    [Fact]
    public void VerbatimMaru_SpeakerParagraphs_WithContinuations_NameRoleAndSide()
    {
        var (source, d, _) = ParseFile("verbatim_maru.txt");
        Assert.Equal(
            [
                ("森田課長", "森田", "課長", StatementSide.Secretariat, 25, 26),
                ("大西座長", "大西", "座長", StatementSide.Member, 27, 27),
                ("事務局（佐藤課長補佐）", "佐藤", "課長補佐", StatementSide.Secretariat, 28, 29),
                ("川口委員", "川口", "委員", StatementSide.Member, 30, 32),
                ("藤井委員", "藤井", "委員", StatementSide.Member, 33, 33),
                ("佐藤課長補佐", "佐藤", "課長補佐", StatementSide.Secretariat, 34, 34),
                ("大西座長", "大西", "座長", StatementSide.Member, 35, 35),
            ],
            d.Statements.Select(s => (s.Speaker!, s.SpeakerName!, s.SpeakerRole!, s.Side, s.Provenance.Line, s.Provenance.EndLine)));
        Assert.All(d.Statements, s => Assert.Null(s.Topic));
        Assert.Equal("御説明ありがとうございました。２点申し上げます。まず、需要の見通しには港湾の燃料転換を含めるべきです。次に、供給側のコスト目標を併記していただきたい。", d.Statements[3].Text);
        // The speaker marker is not part of the text: provenance starts at the words said.
        Assert.StartsWith("資料２について", source.Text[d.Statements[2].Provenance.Span.Start..]);
        AssertProvenance(source, d);
    }

    // ---- 【speaker】 records, labels on their own lines --------------------------------------------------------

    [Fact]
    public void BracketMext_LabelsOnTheirOwnLines_AgendaBeforeAttendees()
    {
        var (_, d, warnings) = ParseFile("bracket_mext.txt");
        Assert.Empty(warnings);
        Assert.Equal("科学技術・学術審議会　研究計画・評価分科会　架空材料委員会（第８回）", d.Title);
        Assert.Equal(new DateOnly(2023, 7, 14), d.Date);
        Assert.Equal(("10:00", "12:00"), (d.StartTime, d.EndTime));
        Assert.Equal("文部科学省　15階特別会議室　※WEB会議併用", d.Place);
        Assert.Equal(["材料研究の推進方策について", "研究基盤の共用について", "その他"], d.Agenda.Select(a => a.Text));
    }

    [Fact]
    public void BracketMext_NameListsUnderBareGroupWords_OfficialsGluedToTheirUnit()
    {
        var (_, d, _) = ParseFile("bracket_mext.txt");
        Assert.Equal(
            [
                ("長谷川", "", "", AttendeeRole.Chair),
                ("石井", "", "", AttendeeRole.Member),
                ("上原", "", "", AttendeeRole.Member),
                ("遠藤", "", "", AttendeeRole.Member),
                ("森本", "研究振興局", "参事官（ナノテクノロジー・物質・材料担当）", AttendeeRole.Secretariat),
                ("北村", "研究振興局", "参事官補佐", AttendeeRole.Secretariat),
            ],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
    }

    [Fact]
    public void BracketMext_BracketSpeakers_EndMarkIsNoStatement()
    {
        var (source, d, _) = ParseFile("bracket_mext.txt");
        Assert.Equal(6, d.Statements.Count);
        Assert.Equal(
            [
                ("長谷川", "主査", StatementSide.Member), ("森本", "参事官", StatementSide.Secretariat), ("石井", "委員", StatementSide.Member),
                ("上原", "委員", StatementSide.Member), ("北村", "参事官補佐", StatementSide.Secretariat), ("長谷川", "主査", StatementSide.Member),
            ],
            d.Statements.Select(s => (s.SpeakerName!, s.SpeakerRole!, s.Side)));
        var ishii = d.Statements[2];
        Assert.Equal((23, 24), (ishii.Provenance.Line, ishii.Provenance.EndLine));
        Assert.EndsWith("論点に加えていただきたい。", ishii.Text);
        Assert.DoesNotContain(d.Statements, s => s.Text.Contains('了'));
        AssertProvenance(source, d);
    }

    // ---- inline colon lists, （speaker） lines, 会議録 ----------------------------------------------------------

    [Fact]
    public void InlineColon_WesternDate_Online_CircledInlineAgenda_会議録Title()
    {
        var (_, d, _) = ParseFile("inline_colon.txt");
        Assert.Equal("みずほ台市スマート農業推進協議会（令和６年度第２回）", d.Title);
        Assert.Equal(new DateOnly(2024, 11, 8), d.Date);
        Assert.Equal(("13:30", "15:00"), (d.StartTime, d.EndTime));
        Assert.Equal("オンライン（Zoom）", d.Place);
        Assert.Equal(["①", "②", "③", "④"], d.Agenda.Select(a => a.Number));
        Assert.Equal(["開会", "報告事項", "協議事項", "閉会"], d.Agenda.Select(a => a.Text));
    }

    [Fact]
    public void InlineColon_AttendeesWithBracketedAffiliations_敬称略AndなしIgnored_SecretariatPosts()
    {
        var (source, d, _) = ParseFile("inline_colon.txt");
        Assert.Equal(
            [
                ("山田太郎", "北陸農業大学", "教授", AttendeeRole.Member),
                ("田中花子", "株式会社アグリみらい", "代表取締役", AttendeeRole.Member),
                ("小松健二", "みずほ台農業協同組合営農部", "部長", AttendeeRole.Member),
                ("西川", "農政課", "課長", AttendeeRole.Secretariat),
                ("岡本", "農政課", "主査", AttendeeRole.Secretariat),
            ],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.All(d.Attendees.Take(3), a => Assert.Equal(5, a.Provenance.Line));
        AssertProvenance(source, d);
    }

    [Fact]
    public void InlineColon_ParenAndColonSpeakers_UnderNumberedTopics()
    {
        var (source, d, _) = ParseFile("inline_colon.txt");
        Assert.Equal(
            [
                ("報告事項", "事務局", StatementSide.Secretariat, 12), ("報告事項", "山田委員", StatementSide.Member, 13),
                ("報告事項", "事務局", StatementSide.Secretariat, 14), ("協議事項", "田中委員", StatementSide.Member, 16),
                ("協議事項", "小松委員", StatementSide.Member, 17), ("協議事項", "西川課長", StatementSide.Secretariat, 18),
            ],
            d.Statements.Select(s => (s.Topic!, s.Speaker!, s.Side, s.Provenance.Line)));
        Assert.Equal((null, "事務局"), (d.Statements[0].SpeakerName, d.Statements[0].SpeakerRole));
        Assert.Equal("担い手の確保が課題である。新規就農者向けの研修を拡充してほしい。", d.Statements[3].Text);
        AssertProvenance(source, d);
    }

    // ---- tab tables, officials post first, 以下 header after a lead sentence -----------------------------------

    [Fact]
    public void TabTable_HeaderRowLearnt_OfficialRowPostFirst()
    {
        var (source, d, warnings) = ParseFile("tab_table.txt");
        Assert.Empty(warnings);
        Assert.Equal(new DateOnly(2024, 6, 20), d.Date);
        Assert.Equal("WEB会議", d.Place);
        Assert.Equal(
            [
                ("石原　和也", "東湾大学", "准教授", AttendeeRole.Member),
                ("内田　恵", "株式会社しおかぜ物流", "取締役", AttendeeRole.Member),
                ("大森　智子", "港湾システム研究所", "研究部長", AttendeeRole.Member),
                ("高木　誠", "国土交通省港湾局", "計画課長", AttendeeRole.Secretariat),
            ],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.Equal(["前回議事概要の確認", "港湾手続の電子化について", "その他"], d.Agenda.Select(a => a.Text));
        AssertProvenance(source, d);
    }

    [Fact]
    public void TabTable_LeadSentenceBeforeSideHeader_KeepsTheTopic()
    {
        var (_, d, _) = ParseFile("tab_table.txt");
        Assert.Equal(
            [
                ("港湾手続の電子化について", StatementSide.Secretariat, "事務局", 20),
                ("港湾手続の電子化について", StatementSide.Member, null, 21),
                ("港湾手続の電子化について", StatementSide.Member, null, 22),
                ("その他", StatementSide.Member, null, 24),
            ],
            d.Statements.Select(s => (s.Topic!, s.Side, s.Speaker, s.Provenance.Line)));
        Assert.Equal("事務局から資料２に基づき説明があった。", d.Statements[0].Text);
    }

    // ---- more speaker markers and attendee shapes --------------------------------------------------------------

    [Fact]
    public void SpeakerMarkers_AllCommonShapes()
    {
        var (_, d, _) = Parse("""
            第１回　架空データ連携会議　議事録
            日時：令和6年3月5日（火）14:00～16:00
            場所：オンライン
            議事録
            ○山田委員　データ連携の範囲を明確にすべきだ。
            ○田中座長　ありがとうございます。
            ○事務局（佐藤課長補佐）　次回までに整理します。
            【鈴木構成員】共通語彙の整備が先決である。
            高橋委員：私も同意見です。
            （伊藤委員）
            　標準化団体との連携が重要です。
            ○経済産業省（中村審議官）　予算面で検討します。
            ○小林参事官　補足いたします。
            """);
        Assert.Equal(
            [
                ("山田", "委員", StatementSide.Member), ("田中", "座長", StatementSide.Member), ("佐藤", "課長補佐", StatementSide.Secretariat),
                ("鈴木", "構成員", StatementSide.Member), ("高橋", "委員", StatementSide.Member), ("伊藤", "委員", StatementSide.Member),
                ("中村", "審議官", StatementSide.Secretariat), ("小林", "参事官", StatementSide.Secretariat),
            ],
            d.Statements.Select(s => (s.SpeakerName!, s.SpeakerRole!, s.Side)));
        Assert.Equal("標準化団体との連携が重要です。", d.Statements[5].Text);
        Assert.Equal(11, d.Statements[5].Provenance.Line);
    }

    [Fact]
    public void Attendees_SpacedTableWithGroupHeadings_敬称略()
    {
        var (_, d, _) = Parse("""
            架空審議会 第2回部会 議事要旨
            日時：2025年1月20日 10:00-12:00
            場所：架空会館
            出席者（敬称略）
            （委員）
            氏名　　　　所属　　　　　　　役職
            青山　一郎　　架空大学　　　　　教授
            赤井　二葉　　架空化学株式会社　　常務取締役
            （オブザーバー）
            黒田　三郎　　架空工業会　　　　事務局長
            （事務局）
            架空省　技術政策課長　白石　四郎
            議事
            １．開会
            ２．審議
            """);
        Assert.Equal(
            [
                ("青山　一郎", "架空大学", "教授", AttendeeRole.Member), ("赤井　二葉", "架空化学株式会社", "常務取締役", AttendeeRole.Member),
                ("黒田　三郎", "架空工業会", "事務局長", AttendeeRole.Observer), ("白石　四郎", "架空省", "技術政策課長", AttendeeRole.Secretariat),
            ],
            d.Attendees.Select(a => (a.Name, a.Organization, a.Title, a.Role)));
        Assert.Equal(["開会", "審議"], d.Agenda.Select(a => a.Text));
    }

    // ---- bad input ---------------------------------------------------------------------------------------------

    [Fact]
    public void EmptyAndBlankFiles_GiveEmptyDigests()
    {
        foreach (var text in new[] { "", "\n\n\n", "　　\t\n" })
        {
            var (_, d, _) = Parse(text);
            Assert.Equal("", d.Title);
            Assert.Null(d.Date);
            Assert.Empty(d.Attendees);
            Assert.Empty(d.Agenda);
            Assert.Empty(d.Statements);
        }
    }

    [Fact]
    public void NoAttendeeList_StillGivesAgendaAndStatements()
    {
        var (_, d, _) = Parse("""
            第３回　架空交通会議　議事概要
            日時：令和６年５月１０日（金）１５：００～１６：００
            場所：WEB会議
            議題
            ①　交通需要の見通し
            ②　その他
            議事概要
            ○青木委員　需要予測の前提を示してほしい。
            ○事務局　次回お示しします。
            """);
        Assert.Empty(d.Attendees);
        Assert.Equal(new DateOnly(2024, 5, 10), d.Date);
        Assert.Equal(("15:00", "16:00"), (d.StartTime, d.EndTime));
        Assert.Equal(["交通需要の見通し", "その他"], d.Agenda.Select(a => a.Text));
        Assert.Equal([StatementSide.Member, StatementSide.Secretariat], d.Statements.Select(s => s.Side));
    }

    [Fact]
    public void GarbledLines_DoNotCrashOrSwallowTheirNeighbours()
    {
        var (source, d, warnings) = Parse(string.Join("\n",
            "第１回　架空会議　議事録",
            "日時：令和6年3月5日（火）14:00～16:00",
            "出席者：",
            "ï»¿ç¬¬ï¼'ï¼'å›ž",
            "山田　太郎　　架空大学　教授",
            "議事録",
            "○山田委員　最初の発言です。",
            "【【（（○：：）",
            "\u0001\u0002\uFFFD\uFFFD\uFFFD",
            "○事務局　最後の発言です。"));
        Assert.Equal(4, Assert.Single(warnings).Line);
        Assert.Single(d.Attendees);
        Assert.Equal(new DateOnly(2024, 3, 5), d.Date);
        Assert.Contains(d.Attendees, a => a.Name == "山田　太郎" && a.Organization == "架空大学" && a.Title == "教授");
        Assert.Equal("最初の発言です。", d.Statements[0].Text);
        var last = d.Statements[^1];
        Assert.Equal(("事務局", StatementSide.Secretariat, "最後の発言です。"), (last.Speaker, last.Side, last.Text));
        Assert.Equal(10, last.Provenance.Line);
        Assert.All(d.Statements, s => Assert.InRange(s.Provenance.Span.End, 0, source.Text.Length));
    }

    [Fact]
    public void Json_AddsSpeakerNameAndRole_KeepsTheContract()
    {
        var (_, d, _) = ParseFile("verbatim_maru.txt");
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(d, FukanJson.Options));
        var root = json.RootElement;
        foreach (var key in new[] { "title", "date", "place", "attendees", "agenda", "statements" }) Assert.True(root.TryGetProperty(key, out _), key);
        var s = root.GetProperty("statements")[2];
        Assert.Equal("secretariat", s.GetProperty("side").GetString());
        Assert.Equal("事務局（佐藤課長補佐）", s.GetProperty("speaker").GetString());
        Assert.Equal("佐藤", s.GetProperty("speakerName").GetString());
        Assert.Equal("課長補佐", s.GetProperty("speakerRole").GetString());
        foreach (var key in new[] { "topic", "text", "provenance" }) Assert.True(s.TryGetProperty(key, out _), key);
        var a = root.GetProperty("attendees")[0];
        foreach (var key in new[] { "name", "organization", "title" }) Assert.Equal(JsonValueKind.String, a.GetProperty(key).ValueKind);
    }
}
