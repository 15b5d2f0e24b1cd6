using System.Text;
using Fukan.Extraction.Events;
using Fukan.Extraction.Landscape;

namespace Fukan.Analysis.Timeline;

/// <summary>
/// What makes two stored events the same milestone, one rule for conflicts and for <c>timeline --changes</c>: the
/// same actor and technology when the sentence names both, else the same event words — the sentence folded, without
/// its date and the planning mood that closes it (予定である, 計画だ, 見込み, is expected to …), so
/// 「量産を2026年に開始する予定である」 and 「量産を2028年に開始する計画である」 are one milestone.
/// </summary>
public static class MilestoneKey
{
    /// <summary>The key, or null when the event carries too few words to be told apart from others.</summary>
    public static string? Of(EventFact e)
    {
        if (e.Actors.Count > 0 && e.Technologies.Count > 0)
            return "actor:" + Fold(e.Actors[0]) + "|tech:" + Fold(e.Technologies[0]);
        var label = e.Label;
        if (!string.IsNullOrEmpty(e.DateText)) label = label.Replace(e.DateText, " ", StringComparison.Ordinal);
        label = MilestoneSalience.MoodTail().Replace(label.Trim(), "");
        // Digits outside the date stay: 2nm and 1.4nm are different milestones, 6GW and 8GW different statements.
        var words = Fold(label);
        return words.Length < 6 ? null : "words:" + words;
    }

    private static string Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (char c in TitleSimilarity.Normalize(s)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

}
