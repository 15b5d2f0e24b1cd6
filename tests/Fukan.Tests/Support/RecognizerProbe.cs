using Fukan.Extraction.Entities;
using Xunit;

namespace Fukan.Tests.Support;

/// <summary>The default entity recogniser on one text, with the checks every entity test makes.</summary>
internal static class RecognizerProbe
{
    private static readonly EntityRecognizer Recognizer = new();

    /// <summary>The mentions in <paramref name="text"/>; each one's surface is the text at its span.</summary>
    public static IReadOnlyList<EntityMention> Find(string text)
    {
        var mentions = Recognizer.Find(text);
        foreach (var m in mentions) Assert.Equal(text[m.Span.Start..m.Span.End], m.Surface);
        return mentions;
    }

    /// <summary>The one mention written <paramref name="surface"/>; fails listing what was found otherwise.</summary>
    public static EntityMention Single(string text, string surface)
    {
        var all = Find(text);
        var found = all.Where(m => m.Surface == surface).ToList();
        Assert.True(found.Count == 1, $"'{surface}' in '{text}': found [{string.Join(", ", all.Select(m => m.Surface))}]");
        return found[0];
    }

    /// <summary>Fails when any mention contains <paramref name="surface"/>.</summary>
    public static void None(string text, string surface) =>
        Assert.DoesNotContain(Find(text), m => m.Surface.Contains(surface, StringComparison.Ordinal));
}
