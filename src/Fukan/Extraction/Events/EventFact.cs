using Fukan.Model;

namespace Fukan.Extraction.Events;

/// <summary>When an event happens, at the precision the text gives: start and end are the first and last day covered.</summary>
/// <param name="Start">First day covered (null for "by 2027": only the end is known).</param>
/// <param name="End">Last day covered (null for open-ended "2030年以降").</param>
/// <param name="Precision">day, month, quarter, half, year, fiscalYear, period or open.</param>
public sealed record EventDate(DateOnly? Start, DateOnly? End, string Precision);

/// <summary>
/// A milestone: a sentence-level event with a date, the actors and technologies involved, and whether it is
/// planned (予定, 目指す, 計画, 見込み …, or dated after the document) or done (成立, 開始, 発表, 稼働 …).
/// <see cref="Headline"/> is a short label (actor, action, object) and <see cref="Salience"/> how much it is worth a
/// roadmap slide, 0–1 (<see cref="MilestoneSalience"/>); both are null in stores written before they were kept.
/// </summary>
public sealed record EventFact(
    Provenance Source,
    string Label,
    EventDate Date,
    IReadOnlyList<string> Actors,
    IReadOnlyList<string> Technologies,
    string Status,
    string Domain,
    string DateText,
    string? Headline = null,
    double? Salience = null) : Fact(Source)
{
    public const string FactKind = "event";

    public override string Kind => FactKind;
}

/// <summary>A date found in text, as the event extractor needs it.</summary>
public readonly record struct SpottedDate(int Start, int End, DateOnly? From, DateOnly? To, string Precision);

/// <summary>An entity mention found in text: org, program, country or tech.</summary>
public readonly record struct SpottedMention(int Start, int End, string Name, string Type);

/// <summary>Finds dates in a passage's text (the date parser, behind a seam; results may be shared through the context).</summary>
public interface IDateSpotter
{
    IReadOnlyList<SpottedDate> Find(ExtractionContext context, Passage passage);
}

/// <summary>Finds entity mentions in a passage's text (the entity recognizer, behind a seam; results may be shared).</summary>
public interface IMentionSpotter
{
    IReadOnlyList<SpottedMention> Find(ExtractionContext context, Passage passage);
}
