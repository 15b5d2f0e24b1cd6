using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>An answer larger than the CLI's capped heap is one line that says so and how to narrow it, exit 1, never "internal error".</summary>
public sealed class AnswerTooLargeTests(SeedStoreFixture kb) : IClassFixture<SeedStoreFixture>
{
    [Fact]
    public async Task AnAnswerThatDoesNotFitTheHeap_IsOneLine_Exit1_AndTheStoreIsUntouched()
    {
        var before = File.GetLastWriteTimeUtc(kb.DbPath);
        // 6 MB of heap: the four seeds' area profiles as JSON do not fit.
        var r = await ChildProcess.RunCliAsync(Path.GetDirectoryName(kb.DbPath)!, TimeSpan.FromSeconds(60),
            new Dictionary<string, string?> { ["DOTNET_GCHeapHardLimit"] = "0x600000" }, "--db", kb.DbPath, "facts", "--kind", "area", "--json");
        Assert.False(r.TimedOut, r.ToString());
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Err.Trim().Split('\n'));
        Assert.StartsWith("fukan: out of memory: the answer does not fit in the 6 MB heap; narrow the question", line);
        Assert.DoesNotContain("internal error", r.Err);
        Assert.Equal(before, File.GetLastWriteTimeUtc(kb.DbPath));
        // The same question with the default heap answers.
        var ok = await Support.Cli.RunAsync("--db", kb.DbPath, "facts", "--kind", "area", "--json", "--limit", "2");
        Assert.Equal(0, ok.ExitCode);
    }
}
