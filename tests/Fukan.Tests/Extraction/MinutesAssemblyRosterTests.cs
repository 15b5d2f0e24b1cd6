using Fukan.Extraction.Minutes;
using Fukan.Model;
using Xunit;

namespace Fukan.Tests.Extraction;

/// <summary>
/// Rosters of assembly, Diet and national-council minutes, in the layouts found in real records (texts invented here):
/// seat numbers, several members to a line, letter-spaced names and offices, names ending in 君, officials under
/// 説明のため出席した者 and the assembly's own staff under 事務局職員, and family names glued to posts.
/// </summary>
public class MinutesAssemblyRosterTests
{
    private static readonly MinutesParser Parser = new();

    private static MinutesDigest Parse(string text) => Parser.Parse(new SourceText(text), new DocumentId("roster"), null);

    private static string Squeeze(string s) => s.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal);

    private static void Has(MinutesDigest d, string name, AttendeeRole role) =>
        Assert.Contains(d.Attendees, a => Squeeze(a.Name) == name && a.Role == role);

    private const string Municipal = """
        令和5年第2回山川町議会定例会会議録 第1号
        令和5年6月12日(月曜日) 午前9時30分開議
        出席議員(6名)
        1番 青木 一郎 2番 石田 さくら 3番 上原 健
        4番 江 口 正 5番 大野 真由美 6番 加藤 勝(議長)
        欠席議員(なし)
        説明のため出席した者の職氏名
        町 長 木下 誠 副 町 長 工藤 久美子
        総務課長 小林 大輔 教 育 長 佐々木 学
        事務局出席職員氏名
        事務局長 鈴木 恵 書記 田中 翼
        午前9時30分 開 会
        議長(加藤勝君) ただいまの出席議員は6名であります。これより本日の会議を開きます。
        本日の議事日程は、お手元に配付のとおりであります。
        町長(木下誠君) おはようございます。提案理由を御説明いたします。
        """;

    [Fact]
    public void SeatNumberedMembers_SeveralToALine_AreMembers_TheMarkedOneChairs()
    {
        var d = Parse(Municipal);
        Has(d, "青木一郎", AttendeeRole.Member);
        Has(d, "石田さくら", AttendeeRole.Member);
        Has(d, "江口正", AttendeeRole.Member);
        Has(d, "大野真由美", AttendeeRole.Member);
        Has(d, "加藤勝", AttendeeRole.Chair);
        Assert.Equal(6, d.Attendees.Count(a => a.Role is AttendeeRole.Member or AttendeeRole.Chair));
    }

    [Fact]
    public void ExplanatoryAttendees_AreOfficials_AndTheSecretariatIsItsOwnRole()
    {
        var d = Parse(Municipal);
        Has(d, "木下誠", AttendeeRole.Official);
        Has(d, "工藤久美子", AttendeeRole.Official);
        Has(d, "小林大輔", AttendeeRole.Official);
        Has(d, "佐々木学", AttendeeRole.Official);
        Has(d, "鈴木恵", AttendeeRole.Secretariat);
        Has(d, "田中翼", AttendeeRole.Secretariat);
        Assert.Equal(12, d.Attendees.Count);
        Assert.Equal("町長", d.Attendees.Single(a => Squeeze(a.Name) == "木下誠").Title);
    }

    [Fact]
    public void SittingDateAndOpeningTime_AreFields_AndSpeakersAreNamedWithoutHonorific()
    {
        var d = Parse(Municipal);
        Assert.Equal(new DateOnly(2023, 6, 12), d.Date);
        Assert.Equal("09:30", d.StartTime);
        Assert.Equal(2, d.Statements.Count);
        Assert.Equal("加藤勝", d.Statements[0].SpeakerName);
        Assert.Equal("議長", d.Statements[0].SpeakerRole);
        Assert.Equal("木下誠", d.Statements[1].SpeakerName);
        Assert.Equal(StatementSide.Secretariat, d.Statements[1].Side);
        Assert.Contains("本日の議事日程", d.Statements[0].Text);
    }

    private const string Committee = """
        海辺市議会建設委員会会議録
        〇招集日時 令和4年9月8日 午前10時
        〇出席委員(4人)
        森 田 一 郎 林 優 子
        原 口 一 清 上 晴 美
        〇説明のため出席した者
        副 市 長 山 本 和 夫
        会 計 管 理 者 兼 村 上 次 郎
        会 計 課 長
        教育委員会 事務局
        西 川 涼
        学 校 教 育 課 長
        〇事務局職員出席者
        事 務 局 長 東 山 修
        議 事 係 長 大久保 美 咲
        午前10時00分 開 議
        〇森 田 一郎委員長 これより本日の会議を開きます。
        """;

    [Fact]
    public void LetterSpacedRosters_LoseTheirSpacing_AndWrappedOfficesYieldNoAttendee()
    {
        var d = Parse(Committee);
        Has(d, "森田一郎", AttendeeRole.Member);
        Has(d, "林優子", AttendeeRole.Member);
        // Seven letters, spacing lost: cut after four, the commonest length of a name.
        Has(d, "原口一清", AttendeeRole.Member);
        Has(d, "上晴美", AttendeeRole.Member);
        Has(d, "山本和夫", AttendeeRole.Official);
        Has(d, "村上次郎", AttendeeRole.Official);
        Has(d, "西川涼", AttendeeRole.Official);
        Has(d, "東山修", AttendeeRole.Secretariat);
        Has(d, "大久保美咲", AttendeeRole.Secretariat);
        Assert.Equal(9, d.Attendees.Count);
        Assert.Equal(new DateOnly(2022, 9, 8), d.Date);
        var statement = Assert.Single(d.Statements);
        Assert.Equal("森田一郎", Squeeze(statement.SpeakerName ?? ""));
    }

    private const string Diet = """
        第3号 令和5年4月5日(水曜日)
        令和五年四月五日(水曜日)
            午前十時開議
         出席委員
           委員長 山口  一郎君
           理事 青山 二郎君 理事 石井三千代君
              宇野 四郎君    江藤  五郎君
            …………………………………
           参議院文教委員長   大島 六郎君
           文部科学大臣政務官    小川 七子君
           文部科学委員会専門員   加藤  八郎君
            ―――――――――――――
        四月三日
         学校教育法の一部を改正する法律案(内閣提出第一号)
        は本委員会に付託された。
        """;

    [Fact]
    public void DietRoster_NamesEndInKun_RolesFollowOffices_AndTheRecordAfterItIsNoAttendee()
    {
        var d = Parse(Diet);
        Has(d, "山口一郎", AttendeeRole.Chair);
        Has(d, "青山二郎", AttendeeRole.Member);
        Has(d, "石井三千代", AttendeeRole.Member);
        Has(d, "宇野四郎", AttendeeRole.Member);
        Has(d, "江藤五郎", AttendeeRole.Member);
        Has(d, "大島六郎", AttendeeRole.Observer);
        Has(d, "小川七子", AttendeeRole.Official);
        Has(d, "加藤八郎", AttendeeRole.Secretariat);
        Assert.Equal(8, d.Attendees.Count);
        Assert.Equal(new DateOnly(2023, 4, 5), d.Date);
        Assert.Equal("10:00", d.StartTime);
        Assert.Empty(d.Statements);
    }

    [Fact]
    public void CouncilAttendance_FamilyNamesGluedToPosts_AreSplit_AndADuplicateIsOne()
    {
        var d = Parse("""
            第9回 海洋審議会 議事録
            1.日時
            令和6年1月10日(水曜日) 10時00分~12時00分
            2.出席者
            委員
             高田会長,中村副会長,原委員,原委員,松本委員
            海洋省
             青木事務次官,井上海洋政策局長,氷見谷海洋政策局計画課長 他
            """);
        Has(d, "高田", AttendeeRole.Chair);
        Has(d, "中村", AttendeeRole.Member);
        Has(d, "原", AttendeeRole.Member);
        Has(d, "松本", AttendeeRole.Member);
        Has(d, "青木", AttendeeRole.Secretariat);
        Has(d, "井上", AttendeeRole.Secretariat);
        Has(d, "氷見谷", AttendeeRole.Secretariat);
        Assert.Equal(7, d.Attendees.Count);
    }

    [Fact]
    public void AnOfficialRole_IsSerialisedByName()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(AttendeeRole.Official, FukanJson.Options);
        Assert.Equal("\"official\"", json);
    }
}
