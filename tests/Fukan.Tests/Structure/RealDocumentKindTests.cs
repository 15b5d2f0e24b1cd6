using Fukan.Pipeline;
using Xunit;

namespace Fukan.Tests.Structure;

/// <summary>
/// The real public documents of <c>tests/Fukan.Tests/RealDocuments</c> (origins in its SOURCES.md) are read as the kind
/// their hand labels say; <c>./fukan-bench realdocs</c> measures the rest (headings, quantities, dates, attendees).
/// </summary>
public class RealDocumentKindTests
{
    private static readonly FukanPipeline Pipeline = new FukanPipelineBuilder().UseDefaults().Build();

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fukan.Tests", "RealDocuments");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/Fukan.Tests/RealDocuments not found above the test binaries");
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Root(), "docs")).OrderBy(f => f, StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void RealDocument_IsReadAsTheLabelledKind(string file)
    {
        var root = Root();
        var expected = File.ReadLines(Path.Combine(root, "expect", Path.GetFileNameWithoutExtension(file) + ".tsv"))
            .First(l => l.StartsWith("kind\t", StringComparison.Ordinal))["kind\t".Length..];
        var path = Path.Combine(root, "docs", file);
        var doc = Pipeline.Process(path, File.ReadAllBytes(path)).Document;
        Assert.NotNull(doc);
        Assert.Equal(expected, Fukan.Model.DocumentKindNames.ToName(doc.Info.Kind));
    }
}
