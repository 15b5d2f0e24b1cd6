namespace Fukan.Extraction.Minutes;

/// <summary>
/// A speaker as written before a statement (山田委員, 事務局（佐藤課長補佐）, 森本参事官), read into its side, the
/// person's name and the role word. Minutes name speakers by family name plus role; the role word decides the side:
/// officials (課長, 参事官, 審議官 …) and the secretariat or a ministry speak for the secretariat, members (委員, 座長,
/// 構成員 …) for the body.
/// </summary>
internal static class SpeakerLabel
{
    // Longest first within each list: 課長補佐 before 補佐 before 課長 is not needed (EndsWith), but 事務局長 before 局長 is.
    private static readonly string[] SecretariatRoles =
    [
        "事務局長", "事務局次長", "事務局", "特命担当大臣", "大臣政務官", "副大臣", "政務官", "大臣", "政策統括官", "統括官", "事務次官", "次官",
        "官房長", "審議官", "参事官補佐", "参事官", "課長補佐", "室長補佐", "補佐", "企画官", "調査官", "専門官", "係長", "課長", "室長",
        "局長", "次長", "長官", "政府", "内閣府", "省", "庁",
        // Local government: the executive answering an assembly.
        "副知事", "知事", "副市長", "市長", "副町長", "町長", "副村長", "村長", "区長", "教育長", "部長", "管理者", "署長",
    ];

    private static readonly string[] MemberRoles =
    [
        "座長代理", "副座長", "副委員長", "委員長", "専門委員", "臨時委員", "構成員", "委員", "座長", "副主査", "主査", "議長", "部会長", "会長",
        "オブザーバー", "参考人", "有識者", "准教授", "教授", "氏", "議員", "代表",
    ];

    /// <summary>True when <paramref name="token"/> names a speaker; <paramref name="side"/> is theirs.</summary>
    public static bool IsSpeaker(ReadOnlySpan<char> token, out StatementSide? side)
    {
        side = null;
        var t = token.Trim();
        if (t.IsEmpty || t.Length > 16) return false;
        foreach (char c in t)
            if (c is >= '\u3041' and <= '\u3096' && t.Length > 8) return false;
        // Officials may stand alone (事務局, 局長); a ministry needs its name (経済産業省, not 省).
        if (Role(t, SecretariatRoles) is { } s && (t.Length > s.Length || s is not ("省" or "庁")))
        {
            side = StatementSide.Secretariat;
            return true;
        }
        // Members need a name (山田構成員), except the bare 委員 / 座長 of a summary.
        if (Role(t, MemberRoles) is { } m && (t.Length > m.Length || m is "委員" or "座長" or "議長" or "主査"))
        {
            side = StatementSide.Member;
            return true;
        }
        return false;
    }

    /// <summary>
    /// The person and role in a speaker as written: 山田委員 → (山田, 委員); 事務局（佐藤課長補佐） → (佐藤, 課長補佐);
    /// 事務局 → (null, 事務局); 事務局（商務情報政策局） → (null, 事務局). Either part is null when not written.
    /// </summary>
    public static (string? Name, string? Role) Split(string? speaker)
    {
        if (string.IsNullOrWhiteSpace(speaker)) return (null, null);
        var s = speaker.Trim();
        int open = s.IndexOfAny(['（', '(']);
        if (open > 0)
        {
            int close = s.IndexOfAny(['）', ')'], open);
            var outer = s[..open].Trim();
            var inner = close > open ? s[(open + 1)..close].Trim() : s[(open + 1)..].Trim();
            var (innerName, innerRole) = Person(inner);
            var (outerName, outerRole) = Person(outer);
            // 事務局（佐藤課長補佐）, 経済産業省（田中審議官）: the person is inside.
            if (outerName is null || IsOrganization(outer))
            {
                if (innerRole is not null && innerName is not null) return (innerName, innerRole);
                // 議長（細川運一君）, 議長（山田太郎議員）, 市長（佐藤　一）: the person inside, honorific and spacing dropped.
                var person = WithoutHonorific(inner);
                if (innerRole is null && IsName(person)) return (person.Replace(" ", "", StringComparison.Ordinal).Replace("　", "", StringComparison.Ordinal), outerRole ?? outer);
                return (null, outerRole ?? outer);
            }
            return (outerName, outerRole);
        }
        return Person(s);
    }

    private static (string? Name, string? Role) Person(string s)
    {
        var role = Role(s, SecretariatRoles) ?? Role(s, MemberRoles);
        if (role is null) return (null, null);
        var name = s[..^role.Length].Trim().Trim('　').Trim();
        // 農政課長, 経済産業省: a unit and its head, or the ministry itself; no person is named.
        if (name.Length == 0 || IsOrganization(name) || role is "省" or "庁" or "内閣府" or "政府") return (null, role is "省" or "庁" ? s : role);
        return (name, role);
    }

    private static string WithoutHonorific(string s)
    {
        foreach (var h in (string[])["議員", "君", "氏", "さん"])
            if (s.Length > h.Length + 1 && s.EndsWith(h, StringComparison.Ordinal)) return s[..^h.Length].TrimEnd();
        return s;
    }

    private static string? Role(ReadOnlySpan<char> t, string[] roles)
    {
        foreach (var r in roles)
            if (t.EndsWith(r, StringComparison.Ordinal)) return r;
        return null;
    }

    private static bool IsOrganization(string s) =>
        s.Length > 0 && ("課局省庁部室府".Contains(s[^1]) || s.EndsWith("事務局", StringComparison.Ordinal) || s.EndsWith("政府", StringComparison.Ordinal));

    private static bool IsName(string s)
    {
        if (s.Length is 0 or > 8) return false;
        foreach (char c in s)
            if (!(Entities.EntityText.IsKanji(c) || Entities.EntityText.IsKatakana(c) || c is '　' or ' ' or '々')) return false;
        return !IsOrganization(s);
    }
}
