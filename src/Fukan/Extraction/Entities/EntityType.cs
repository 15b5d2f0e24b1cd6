namespace Fukan.Extraction.Entities;

/// <summary>What an entity is. JSON and the CLI use the lower-case names <c>org|program|country|tech</c>.</summary>
public enum EntityType
{
    /// <summary>Companies, ministries and agencies, institutes, universities.</summary>
    Org,
    /// <summary>Programmes, projects, strategies, funds, laws that fund or steer work.</summary>
    Program,
    /// <summary>Countries and regions (米国, 欧州, 東南アジア).</summary>
    Country,
    /// <summary>Technologies, materials, devices and methods (GAA, 全固体電池, LLM).</summary>
    Tech,
}

/// <summary>Stable names of <see cref="EntityType"/> for JSON, the store and <c>--type</c> filters.</summary>
public static class EntityTypeNames
{
    public static string ToName(this EntityType type) => type switch
    {
        EntityType.Org => "org",
        EntityType.Program => "program",
        EntityType.Country => "country",
        _ => "tech",
    };

    /// <summary>Parses <c>org|program|country|tech</c> (case-insensitive; <c>organization</c>, <c>programme</c>, <c>region</c> accepted).</summary>
    public static bool TryParse(string? name, out EntityType type)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "org" or "organization" or "organisation": type = EntityType.Org; return true;
            case "program" or "programme" or "project": type = EntityType.Program; return true;
            case "country" or "region": type = EntityType.Country; return true;
            case "tech" or "technology": type = EntityType.Tech; return true;
            default: type = EntityType.Tech; return false;
        }
    }
}
