namespace Fukan.Model;

/// <summary>What sort of document this is, judged from its content.</summary>
public enum DocumentKind
{
    Other,
    Report,
    Minutes,
    Article,
}

/// <summary>Stable lower-case names used in JSON, the store and filters.</summary>
public static class DocumentKindNames
{
    public static string ToName(this DocumentKind kind) => kind switch
    {
        DocumentKind.Report => "report",
        DocumentKind.Minutes => "minutes",
        DocumentKind.Article => "article",
        _ => "other",
    };

    public static bool TryParse(string? name, out DocumentKind kind)
    {
        kind = name?.Trim().ToLowerInvariant() switch
        {
            "report" => DocumentKind.Report,
            "minutes" => DocumentKind.Minutes,
            "article" => DocumentKind.Article,
            "other" => DocumentKind.Other,
            _ => (DocumentKind)(-1),
        };
        return kind >= 0;
    }
}
