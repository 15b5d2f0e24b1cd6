using System.Security.Cryptography;
using System.Text;
using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Bench.Search;

/// <summary>
/// Documents for the search benchmarks: every file of a folder through the real pipeline, optionally repeated
/// as distinct copies (copy k gets its own document id and a "copyk" word at the end of every passage, so no
/// two passages are identical).
/// </summary>
internal sealed record SearchCorpus(IReadOnlyList<(DocumentInfo Info, IReadOnlyList<Passage> Passages, string Prefix)> Documents, long SourceBytes)
{
    public static SearchCorpus Load(string dir, int copies)
    {
        var pipeline = new FukanPipelineBuilder().UseDefaults().Build();
        var docs = new List<(DocumentInfo, IReadOnlyList<Passage>, string)>();
        long bytes = 0;
        foreach (var path in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            var data = File.ReadAllBytes(path);
            var result = pipeline.Process(path, data);
            if (result.Document is not { } d) continue;
            var prefix = Path.GetFileName(path).Split('_')[0];
            for (int c = 0; c < copies; c++)
            {
                bytes += data.Length;
                if (c == 0) { docs.Add((d.Info, d.Passages, prefix)); continue; }
                var id = new DocumentId(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(d.Info.Id.Value + "/" + c))));
                var suffix = " copy" + c;
                var passages = new List<Passage>(d.Passages.Count);
                foreach (var p in d.Passages)
                    passages.Add(p with { Document = id, Text = p.Text + suffix, Source = p.Source with { Document = id } });
                docs.Add((d.Info with { Id = id }, passages, prefix + "#" + c));
            }
        }
        return new SearchCorpus(docs, bytes);
    }
}
