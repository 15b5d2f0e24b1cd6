namespace Fukan.Tests.Support;

/// <summary>
/// Locates the seed documents (../shared/seeds beside the checkout; CI has them). Seed text is never copied
/// into the repository: tests read it from there. FUKAN_SEEDS overrides the location.
/// </summary>
public static class Seeds
{
    private static readonly Lazy<string> Dir = new(Locate);

    public static string Directory => Dir.Value;

    /// <summary>The seed whose file name starts with <paramref name="prefix"/> ("000", "001", …).</summary>
    public static string Path(string prefix)
    {
        var match = System.IO.Directory.GetFiles(Directory, prefix + "*").OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        return match ?? throw new FileNotFoundException($"no seed starting with {prefix} in {Directory}");
    }

    public static string ReadText(string prefix) => File.ReadAllText(Path(prefix));

    private static string Locate()
    {
        var env = Environment.GetEnvironmentVariable("FUKAN_SEEDS");
        if (!string.IsNullOrEmpty(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "seeds");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("seed documents not found: expected ../shared/seeds beside the checkout (or set FUKAN_SEEDS)");
    }
}
