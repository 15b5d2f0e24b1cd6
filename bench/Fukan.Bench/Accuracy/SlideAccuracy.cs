using System.Globalization;
using Fukan.Analysis.Timeline;
using Fukan.Model;
using Fukan.Storage;

namespace Fukan.Bench.Accuracy;

/// <summary>
/// How well the timeline's default view (the most salient milestones, duplicates merged) matches what an analyst
/// would put on a roadmap slide: the hand labels of <c>tests/Fukan.Tests/Expectations/timeline/slide-milestones.tsv</c>
/// (seed prefix and line of each slide-worthy dated statement from 2022 on). A shown milestone is a hit when its line
/// or the line of a duplicate merged into it is labelled; a label is found when any shown milestone covers its line.
/// Shared by the <c>timeline-accuracy</c> bench verb and the test that guards it.
/// </summary>
public static class SlideAccuracy
{
    /// <summary>The year the labels start: every dated statement from then on was judged.</summary>
    public const int FromYear = 2022;

    /// <summary>One shown milestone and whether it is slide-worthy.</summary>
    public sealed record Shown(string Seed, int Line, double? Salience, string Text, bool Hit);

    /// <summary>Precision and recall of one top-N view.</summary>
    public sealed record Result(int Top, int Shown, int Hits, int Labelled, int Found, IReadOnlyList<Shown> Items)
    {
        public double Precision => Shown == 0 ? 1 : (double)Hits / Shown;
        public double Recall => Labelled == 0 ? 1 : (double)Found / Labelled;
    }

    /// <summary>The labelled (seed, line) pairs; comment lines start with #.</summary>
    public static HashSet<(string Seed, int Line)> ReadLabels(string path)
    {
        var set = new HashSet<(string, int)>();
        foreach (var raw in File.ReadLines(path))
        {
            if (raw.Length == 0 || raw[0] == '#') continue;
            var cols = raw.Split('\t');
            if (cols.Length < 2 || !int.TryParse(cols[1], NumberStyles.None, CultureInfo.InvariantCulture, out int line))
                throw new FormatException($"{path}: not 'seed<TAB>line<TAB>note': {raw}");
            set.Add((cols[0], line));
        }
        return set;
    }

    /// <summary>The default view's top <paramref name="top"/> from <see cref="FromYear"/> on, scored against the labels.</summary>
    public static async Task<Result> ScoreAsync(IKnowledgeStore store, HashSet<(string Seed, int Line)> labels, int top, CancellationToken ct = default)
    {
        var seedOf = new Dictionary<DocumentId, string>();
        foreach (var d in await store.ListDocumentsAsync(ct)) seedOf[d.Id] = Path.GetFileName(d.Path)[..3];
        var view = await TimelineBuilder.BuildTopAsync(store, FromYear, null, TimelineGrouping.Domain, top, cancellationToken: ct);
        // A shown milestone stands for every identical statement the store merged into it (its copies are counted,
        // not listed): the lines of the same sentence and date count as shown.
        var sameStatement = new Dictionary<string, List<Provenance>>(StringComparer.Ordinal);
        foreach (var lane in (await TimelineBuilder.BuildAsync(store, FromYear, null, TimelineGrouping.Domain, cancellationToken: ct)).Lanes)
            foreach (var e in lane.Events)
            {
                var k = e.Label + "\u0001" + e.DateText;
                if (!sameStatement.TryGetValue(k, out var list)) sameStatement[k] = list = [];
                list.Add(e.Source);
            }
        var items = new List<Shown>();
        var found = new HashSet<(string, int)>();
        foreach (var lane in view.Lanes)
            foreach (var e in lane.Events)
            {
                var places = new List<Provenance> { e.Source };
                if (view.Mentions.TryGetValue(e, out var m)) places.AddRange(m.AlsoAt);
                if (sameStatement.TryGetValue(e.Label + "\u0001" + e.DateText, out var copies)) places.AddRange(copies);
                bool hit = false;
                foreach (var p in places)
                {
                    var key = (seedOf.GetValueOrDefault(p.Document, "?"), p.Line);
                    if (labels.Contains(key)) { hit = true; found.Add(key); }
                }
                items.Add(new Shown(seedOf.GetValueOrDefault(e.Source.Document, "?"), e.Source.Line, e.Salience, e.Headline ?? e.Label, hit));
            }
        return new Result(top, items.Count, items.Count(i => i.Hit), labels.Count, found.Count, items);
    }
}
