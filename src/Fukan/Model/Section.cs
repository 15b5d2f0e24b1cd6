namespace Fukan.Model;

/// <summary>What a section is, judged from its heading and its place in the tree.</summary>
public enum SectionKind
{
    /// <summary>A top-level numbered chapter: <c>1 俯瞰対象分野の全体像</c>, <c>## 1. The Shift</c>.</summary>
    Chapter,
    /// <summary>A report division holding research areas: <c>2.1 環境・エネルギー応用</c>.</summary>
    Division,
    /// <summary>A research area of a panoramic report: <c>2.1.1 蓄電デバイス</c>.</summary>
    Area,
    /// <summary>Any other numbered section: <c>1.2.3 タイトル</c>.</summary>
    Section,
    /// <summary>A parenthesised subsection: <c>（1）研究開発領域の定義</c>.</summary>
    Subsection,
    /// <summary>A bracketed or marked topic heading: <c>［研究開発の動向］</c>, <c>【全体について】</c>, <c>■…</c>, <c>● …</c>.</summary>
    Topic,
    /// <summary>A markdown heading without a number.</summary>
    Heading,
    /// <summary>A block of minutes: <c>議事次第</c>, <c>議事概要</c>, <c>出席者</c>.</summary>
    Block,
}

public static class SectionKindNames
{
    public static string ToName(this SectionKind kind) => kind switch
    {
        SectionKind.Chapter => "chapter",
        SectionKind.Division => "division",
        SectionKind.Area => "area",
        SectionKind.Section => "section",
        SectionKind.Subsection => "subsection",
        SectionKind.Topic => "topic",
        SectionKind.Heading => "heading",
        SectionKind.Block => "block",
        _ => "section",
    };

    public static SectionKind Parse(string name) => name switch
    {
        "chapter" => SectionKind.Chapter,
        "division" => SectionKind.Division,
        "area" => SectionKind.Area,
        "subsection" => SectionKind.Subsection,
        "topic" => SectionKind.Topic,
        "heading" => SectionKind.Heading,
        "block" => SectionKind.Block,
        _ => SectionKind.Section,
    };
}

/// <summary>
/// A node of a document's section tree. <see cref="Id"/> is unique within the document: the number for numbered
/// headings (<c>2.1.1</c>), the parent's id plus the marker for parenthesised ones (<c>2.1.1(7)</c>), and
/// the parent's id plus an ordinal otherwise (<c>2.1.1(3)#2</c>). Lines are 1-based original lines, inclusive.
/// </summary>
public sealed record Section(
    string Id,
    string? Number,
    string Title,
    SectionKind Kind,
    int Level,
    int StartLine,
    int EndLine,
    string? ParentId)
{
    /// <summary>The heading as shown: number and title.</summary>
    public string Label => string.IsNullOrEmpty(Number) ? Title : $"{Number} {Title}";
}
