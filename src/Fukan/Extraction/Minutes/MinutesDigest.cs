using Fukan.Model;

namespace Fukan.Extraction.Minutes;

/// <summary>Who is speaking in a statement: a member of the body, or the secretariat (the ministry, officials).</summary>
public enum StatementSide
{
    Member,
    Secretariat,
}

/// <summary>How an attendee took part, from the block or mark they are listed under.</summary>
public enum AttendeeRole
{
    /// <summary>A member present (出席者, 構成員, 委員).</summary>
    Member,
    /// <summary>The chair (座長, 委員長, 主査, 議長, or marked ◎).</summary>
    Chair,
    /// <summary>An observer (オブザーバー).</summary>
    Observer,
    /// <summary>Officials and secretariat (事務局, 政府側出席者, 説明者).</summary>
    Secretariat,
    /// <summary>Listed as absent (欠席).</summary>
    Absent,
    /// <summary>
    /// Executive officials answering to an assembly or the Diet (説明のため出席した者: 市長, 部長, 課長; 出席説明員;
    /// 政府参考人; 大臣政務官), distinct from the body's members and from its own secretariat (議会事務局, 書記, 専門員).
    /// </summary>
    Official,
}

/// <summary>One organisation and the title held there; dual roles (X/Y) give an attendee two.</summary>
public sealed record Affiliation(string Organization, string Title);

/// <summary>
/// An attendee: <c>{ "name", "organization", "title", "role", "affiliations", "provenance" }</c>. With several
/// affiliations, <see cref="Organization"/> and <see cref="Title"/> join them with " / ".
/// </summary>
public sealed record Attendee(string Name, string Organization, string Title, AttendeeRole Role, IReadOnlyList<Affiliation> Affiliations, Provenance Provenance);

/// <summary>An agenda item with its marker ("1", "(1)", "①"; null when unnumbered) and nested items.</summary>
public sealed record AgendaItem(string? Number, string Text, IReadOnlyList<AgendaItem> Items, Provenance Provenance);

/// <summary>
/// One statement (a bullet or a speaker's paragraph): <c>{ "topic", "side", "speaker", "text", "provenance",
/// "speakerName", "speakerRole" }</c>. <see cref="Topic"/> is the enclosing topic block (【AI 分野について】 → "AI 分野について"),
/// or null. <see cref="Speaker"/> is the speaker as written (事務局（佐藤課長補佐）); <see cref="SpeakerName"/> and
/// <see cref="SpeakerRole"/> are its person and role word (佐藤, 課長補佐), null when not written (a bare 事務局 has a role
/// and no name). <see cref="Provenance"/> covers the statement's text in the original lines (markers and speaker excluded).
/// </summary>
public sealed record MinutesStatement(string? Topic, StatementSide Side, string? Speaker, string Text, Provenance Provenance,
    string? SpeakerName = null, string? SpeakerRole = null);

/// <summary>
/// The digest of a set of minutes: <c>{ "title", "date", "startTime", "endTime", "place", "attendees": [..],
/// "agenda": [..], "materials": [..], "statements": [..] }</c>. Parts the minutes do not have are null or empty.
/// </summary>
public sealed record MinutesDigest(
    string Title,
    DateOnly? Date,
    string? StartTime,
    string? EndTime,
    string? Place,
    IReadOnlyList<Attendee> Attendees,
    IReadOnlyList<AgendaItem> Agenda,
    IReadOnlyList<string> Materials,
    IReadOnlyList<MinutesStatement> Statements);
