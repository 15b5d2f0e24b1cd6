using Fukan.Extraction.Signals;
using Fukan.Normalizing;

namespace Fukan.Analysis.Signals;

/// <summary>How a sentence reports an event: as done, as planned or upcoming, denied, asked about, or only supposed.</summary>
public enum Mood
{
    /// <summary>Reported as happened or under way: 量産を開始した, 出荷されている, began, has shipped.</summary>
    Done,
    /// <summary>Planned, expected or upcoming: 予定, 目指す, 計画, …に入ります, will, plans to.</summary>
    Planned,
    /// <summary>Denied or not yet: していない, まだ, not, yet to.</summary>
    Negated,
    /// <summary>Asked: …か。, whether …, ?</summary>
    Question,
    /// <summary>A supposition: …れば, …たら, 場合, if, unless. Not evidence either way.</summary>
    Hypothetical,
}

/// <summary>
/// Reads the mood of a sentence that mentions an event. The order matters: a question or a supposition is never a
/// report; a plan word overrides a deed word ("開始する予定"); Japanese non-past without a deed word is upcoming
/// ("量産フェーズに入ります"), English without one is taken as reported.
/// </summary>
public static class StatementMood
{
    private static readonly string[] Hypothetical = ["れば", "たら", "なら", "場合", "もし", "としても", "if ", "unless ", "whether ", "suppose", "would "];
    private static readonly string[] Negations =
    [
        "ていない", "ていません", "でいない", "されていない", "しない", "されない", "できない", "できていない", "ません", "なかった", "ずに", "ず、",
        "至っていない", "至らない", "未だ", "まだ", "未出荷", "未公表", "未定", "見えていない", "なし", "not ", "n't", "never", "no longer", "yet to", "has yet", "have yet", "without ",
    ];
    private static readonly string[] Plans =
    [
        // "量産を開始すると発表した": announcing a future deed is a plan, though 発表した is past.
        "ると発表", "ると表明", "ると公表", "ると明らかに", "ると述べ", "る方針", "る見通し", "る計画",
        "予定", "計画", "ロードマップ", "roadmap", "目指", "めざ", "目標", "見込", "見通", "狙", "予想", "予測", "めど", "目途", "方針", "検討", "構想", "見据", "期待", "可能性",
        "will ", "plans to", "planned", "plan to", "expected", "expects", "scheduled", "aims", "aim to", "targets", "intends", "set to", "on track",
        "forecast", "projected", "is likely", "could ", "may ", "might ",
    ];
    /// <summary>Plan words that always speak of the future, unlike nouns such as 計画 or 目標 that can be the subject of a deed.</summary>
    private static readonly string[] PlanIntentions =
    [
        "ると発表", "ると表明", "ると公表", "ると明らかに", "ると述べ", "る方針", "る見通し", "る計画", "予定", "目指", "めざ", "見込", "見通", "狙", "予想", "予測",
        "めど", "目途", "検討", "見据", "期待", "可能性",
    ];

    private static readonly string[] Deeds =
    [
        "した", "された", "しました", "されました", "った", "れた", "ている", "ています", "てきた", "てきている", "済み", "完了", "達成", "実現", "開始", "確定",
        "決定", "発表", "公表", "公開", "出荷", "稼働", "採用", "中である", "中だ", "中。", "has ", "have ", "had ", "began", "begun", "started", "shipped",
        "launched", "announced", "entered", "reached", "achieved", "confirmed", "committed", "signed", "published", "released", "disclosed", "delivered",
        "now ", "underway", "under way", "in production", "ongoing",
    ];

    /// <summary>The mood of <paramref name="sentence"/>.</summary>
    public static Mood Of(ReadOnlySpan<char> sentence)
    {
        var folded = TextFolding.Fold(sentence);
        if (SignalLexicon.IsQuestion(sentence) || HasEmbeddedQuestion(folded)) return Mood.Question;
        if (ContainsAny(folded, Hypothetical)) return Mood.Hypothetical;
        if (ContainsAny(folded, Negations)) return Mood.Negated;
        if (ContainsAny(folded, Plans))
            // "実証計画に2億ドルが配分された": a plan named as a thing, in a sentence that ends in the past, reports a deed.
            return !ContainsAny(folded, PlanIntentions) && EndsInPast(folded) ? Mood.Done : Mood.Planned;
        if (ContainsAny(folded, Deeds)) return Mood.Done;
        var t = folded.AsSpan().TrimEnd(" 。．.!！」』）)\"”");
        bool japanese = false;
        foreach (char c in t) if (TextFolding.IsCjk(c)) { japanese = true; break; }
        if (!japanese) return Mood.Done;
        // Japanese non-past ends in -u (る, す, く, う, つ, む, ぶ, ぐ, ぬ) or だろう/でしょう: upcoming, not yet reported.
        if (t.Length > 0 && t[^1] is 'る' or 'す' or 'く' or 'う' or 'つ' or 'む' or 'ぶ' or 'ぐ' or 'ぬ') return Mood.Planned;
        return Mood.Done;
    }

    /// <summary>A Japanese sentence whose last predicate is past: …した。 …された。 …ました。</summary>
    private static bool EndsInPast(string folded)
    {
        var t = folded.AsSpan().TrimEnd(" 。．.!！」』）)\"”");
        return t.Length > 1 && t[^1] == 'た' && TextFolding.IsCjk(t[^2]);
    }

    /// <summary>"出荷されるかが焦点だ", "採用するかは未定": a verb closed by か and a particle asks whether it happens.</summary>
    private static bool HasEmbeddedQuestion(string folded)
    {
        for (int i = folded.IndexOf('か'); i > 0 && i < folded.Length - 1; i = folded.IndexOf('か', i + 1))
        {
            if (folded[i - 1] is not ('る' or 'う' or 'す' or 'く' or 'つ' or 'む' or 'ぶ' or 'ぐ' or 'ぬ' or 'た' or 'だ' or 'い')) continue;
            if (folded[i + 1] is not ('が' or 'は' or 'を' or 'に' or 'も' or 'で' or '、' or ',' or '，')) continue;
            // はるかに (far more) is an adverb, not a question.
            if (i >= 2 && folded[i - 2] == 'は' && folded[i - 1] == 'る') continue;
            return true;
        }
        return false;
    }

    private static bool ContainsAny(string folded, string[] words)
    {
        foreach (var w in words)
            if (folded.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
