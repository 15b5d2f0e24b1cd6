using Fukan.Analysis.Signals;
using Fukan.Extraction.Signals;
using Fukan.Extraction.Landscape;
using Fukan.Model;

namespace Fukan.Analysis.Ranking;

/// <summary>
/// How much of an area's trends text (its overview when it has no trends section) speaks of something new: the
/// sentences, those with a novelty word, and the first of those as evidence. Computed once when the area is loaded,
/// so a ranking keeps a few short strings per area rather than every area's whole text.
/// </summary>
/// <param name="Sentences">Sentences of the text.</param>
/// <param name="Novel">Sentences with a novelty word (<see cref="CriteriaCalculator.NoveltyWords"/>).</param>
/// <param name="Evidence">The first novel sentences, each cut to 80 characters (at most <see cref="MaxEvidence"/>).</param>
/// <param name="Source">The lines the text is from.</param>
/// <param name="EvidenceSources">Each evidence sentence's own lines (the profile's <see cref="AreaProfile.TrendsSources"/>), when known.</param>
public sealed record TrendsNovelty(int Sentences, int Novel, IReadOnlyList<string> Evidence, Provenance Source, IReadOnlyList<Provenance>? EvidenceSources = null)
{
    /// <summary>The lines of the <paramref name="index"/>-th evidence sentence, else of the whole text.</summary>
    public Provenance EvidenceSource(int index) => EvidenceSources is { } list && index >= 0 && index < list.Count ? list[index] : Source;

    /// <summary>More evidence than any criterion lists.</summary>
    public const int MaxEvidence = 16;

    public static TrendsNovelty? Of(AreaProfile? profile)
    {
        var text = profile?.Trends ?? profile?.Overview;
        if (profile is null || string.IsNullOrWhiteSpace(text)) return null;
        int sentences = 0, novel = 0;
        var evidence = new List<string>();
        var sources = new List<Provenance>();
        // Sentence sources are kept for the trends text only (the overview's are not).
        bool trends = profile.Trends is not null;
        foreach (var (s, e) in SentenceSplitter.Split(text))
        {
            sentences++;
            var folded = FoldedText.Fold(text[s..e]);
            bool hit = false;
            foreach (var w in CriteriaCalculator.NoveltyWords)
                if (folded.Contains(w, StringComparison.Ordinal)) { hit = true; break; }
            if (!hit) continue;
            novel++;
            if (evidence.Count < MaxEvidence)
            {
                evidence.Add(CriteriaCalculator.Truncate(text[s..e], 80));
                sources.Add(trends ? profile.TrendsSourceAt(s) : profile.Source);
            }
        }
        return new TrendsNovelty(sentences, novel, evidence, profile.Source, sources);
    }

    /// <summary>
    /// The profile without its long texts (definition, overview, trends, challenges, projects): what a ranking
    /// keeps of it once <see cref="Of"/> has read the trends.
    /// </summary>
    public static AreaProfile Slim(AreaProfile profile) =>
        profile with { Definition = null, Overview = null, Trends = null, Challenges = null, Projects = null, TrendsSources = null };
}
