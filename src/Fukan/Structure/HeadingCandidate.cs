namespace Fukan.Structure;

/// <summary>The heading conventions the structure stage recognises.</summary>
public enum HeadingStyle
{
    /// <summary>Markdown <c># Title</c>.</summary>
    Atx,
    /// <summary><c>1.2.3 タイトル</c>.</summary>
    Dotted,
    /// <summary><c>2 タイトル</c>, <c>第2章 タイトル</c>: a chapter, or a local numbered heading inside a section.</summary>
    Bare,
    /// <summary><c>（1）タイトル</c> / <c>(1) タイトル</c>.</summary>
    Paren,
    /// <summary><c>［…］</c>, <c>【…】</c>, <c>■…</c>: a topic heading.</summary>
    Bracket,
    /// <summary><c>● …</c> when short: a topic one level below bracket topics.</summary>
    Bullet,
    /// <summary>A minutes block: <c>議事次第：</c>, <c>議事概要：</c>, <c>出席者：</c>.</summary>
    Block,
    /// <summary>A minutes speaker-side block: <c>構成員からの主な御発言</c>, <c>事務局からの主な発言</c>.</summary>
    Side,
}

/// <summary>A line that looks like a heading; the tree builder decides whether it is one.</summary>
/// <param name="Style">The heading convention.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Numbers">Its numbering, or null.</param>
/// <param name="Marker">The number or marker as written, or null.</param>
/// <param name="Title">The title.</param>
/// <param name="AtxLevel">The markdown level (# = 1), 0 for other styles.</param>
/// <param name="Region">A country or region name alone on its line that opens a run of topic headings (日本 / ■基本政策):
/// a topic one level above the bracket topics under it.</param>
public sealed record HeadingCandidate(HeadingStyle Style, int Line, int[]? Numbers, string? Marker, string Title, int AtxLevel = 0, bool Region = false)
{
    /// <summary>The dotted number as written in canonical form ("2.1.1"), or null.</summary>
    public string? NumberText => Numbers is null ? null : string.Join('.', Numbers);
}
