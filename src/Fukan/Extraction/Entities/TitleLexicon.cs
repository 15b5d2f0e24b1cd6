namespace Fukan.Extraction.Entities;

/// <summary>
/// Job titles and positions (代表取締役, 執行役員, 教授, 所長, CEO, Chief … Officer). Used to split "organisation +
/// title" written together (株式会社安川電機執行役員…) and to stop a company name from running into a title.
/// </summary>
public static class TitleLexicon
{
    private static readonly string[] Japanese =
    [
        "代表取締役社長", "代表取締役会長", "代表取締役副社長", "代表取締役", "取締役会長", "取締役社長", "取締役副社長", "社外取締役", "取締役",
        "代表執行役社長", "代表執行役会長", "代表執行役", "執行役社長", "執行役員", "執行役", "上席執行役員", "常務執行役員", "専務執行役員",
        "常務取締役", "専務取締役", "常務", "専務", "社長", "副社長", "会長", "副会長", "理事長", "副理事長", "理事", "監事", "所長", "副所長",
        "センター長", "室長", "部長", "副部長", "本部長", "副本部長", "統括部長", "事業部長", "課長", "局長", "次長", "審議官", "参事官",
        "顧問", "相談役", "特別顧問", "名誉教授", "特任教授", "客員教授", "特任准教授", "准教授", "教授", "助教", "講師", "主任研究員",
        "上席研究員", "主席研究員", "首席研究員", "研究員", "研究主幹", "シニアフェロー", "フェロー", "研究科長", "学長", "副学長", "総長",
        "学部長", "機構長", "拠点長", "院長", "委員長", "副委員長", "委員", "座長", "座長代理", "主査", "議長", "共同代表", "代表",
        "共同創業者", "創業者", "共同創設者", "創設者", "ファウンダー", "マネージングパートナー", "パートナー", "ディレクター", "マネージャー",
        "マネジャー", "オフィサー", "プリンシパル", "エバンジェリスト", "大臣政務官", "大臣", "副大臣", "政務官", "長官", "総裁", "副総裁",
        "首席", "主任", "主幹", "弁護士", "公認会計士", "編集長", "論説委員", "議員", "グループ長", "チームリーダー", "リーダー", "ユニット長",
        "特命担当大臣", "担当大臣", "政策統括官", "統括官", "事務次官", "次官", "官房長", "企画官", "調査官", "専門官", "課長補佐", "室長補佐",
        "係長", "主任研究官", "研究官", "技官", "知事", "市長", "町長", "村長", "理事官", "審議役", "執行役員常務", "最高経営責任者",
        "シニアアナリスト", "チーフアナリスト", "アナリスト", "エコノミスト", "チーフエコノミスト", "コンサルタント", "ストラテジスト",
    ];

    private static readonly string[] English =
    [
        "CEO", "COO", "CTO", "CFO", "CDO", "CIO", "CSO", "CISO", "CAIO", "CRO", "CMO", "CHRO", "CPO", "EVP", "SVP", "VP", "President",
        "Vice", "Chairman", "Chairperson", "Chair", "Director", "Manager", "Officer", "Chief", "Professor", "Fellow", "Founder", "Co-founder",
        "Cofounder", "Partner", "Head", "Principal", "Executive", "Dean", "Senior", "Lead",
    ];

    // A title word followed by one of these is part of a body, not a title: 委員会, 理事会, 役員会.
    private const string BodyEnds = "会院所部局課室";

    private static readonly KeyTrie Trie = BuildTrie();

    private static KeyTrie BuildTrie()
    {
        var trie = new KeyTrieBuilder();
        for (int i = 0; i < Japanese.Length; i++) trie.Add(EntityText.Key(Japanese[i]), i);
        for (int i = 0; i < English.Length; i++) trie.Add(EntityText.Key(English[i]), Japanese.Length + i);
        return trie.Build();
    }

    /// <summary>
    /// The offset and length of the first title word in <paramref name="text"/> at or after <paramref name="from"/>,
    /// or -1. English words need word boundaries; a Japanese word directly followed by 会/院/所… (委員会) does not count.
    /// </summary>
    public static int FindFirst(ReadOnlySpan<char> text, int from, out int length)
    {
        var folded = EntityText.FoldAll(text);
        var hits = new List<(int End, int Value)>(4);
        for (int i = Math.Max(0, from); i < folded.Length; i++)
        {
            char c = folded[i];
            if (c == ' ' || !Trie.Starts(c)) continue;
            if (char.IsAsciiLetterOrDigit(c) && i > 0 && char.IsAsciiLetterOrDigit(folded[i - 1])) continue;
            Trie.Walk(folded, i, hits);
            for (int h = hits.Count - 1; h >= 0; h--)
            {
                int end = hits[h].End;
                bool english = hits[h].Value >= Japanese.Length;
                if (english && end < folded.Length && char.IsAsciiLetterOrDigit(folded[end])) continue;
                if (!english && end < folded.Length && BodyEnds.Contains(folded[end])) continue;
                bool kana = EntityText.IsKatakana(folded[end - 1]);
                if (kana && end < folded.Length && EntityText.IsKatakana(folded[end])) continue; // パートナーズ
                int start = i;
                // A katakana title closes a katakana compound: ディビジョンオフィサー, プロダクトマネージャー.
                if (kana && EntityText.IsKatakana(folded[i])) while (start > from && start > 0 && EntityText.IsKatakana(folded[start - 1])) start--;
                length = end - start;
                return start;
            }
        }
        length = 0;
        return -1;
    }

    /// <summary>True when <paramref name="text"/> starts with a title word.</summary>
    public static bool StartsWithTitle(ReadOnlySpan<char> text) => FindFirst(text, 0, out _) == 0;

    /// <summary>True when all of <paramref name="text"/> is titles (and spaces): 教授, 代表取締役社長 CEO.</summary>
    public static bool IsOnlyTitles(ReadOnlySpan<char> text)
    {
        var t = text.Trim();
        while (!t.IsEmpty)
        {
            int at = FindFirst(t, 0, out int len);
            if (at != 0) return false;
            t = t[len..].TrimStart();
            if (!t.IsEmpty && t[0] is '兼' or '/' or '／' or '・' or '、') t = t[1..].TrimStart();
        }
        return true;
    }
}
