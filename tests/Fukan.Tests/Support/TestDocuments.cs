namespace Fukan.Tests.Support;

/// <summary>
/// The realistic documents written for the tests (press release, budget summary, English news, English strategy,
/// roadmap) in <c>Expectations/documents</c>, found above the test binaries.
/// </summary>
internal static class TestDocuments
{
    public static string Directory { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "Expectations", "documents");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("Expectations/documents not found above " + AppContext.BaseDirectory);
    }
}
