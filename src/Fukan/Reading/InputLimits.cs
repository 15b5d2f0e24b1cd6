namespace Fukan.Reading;

/// <summary>
/// How much one file may hold and expand to. Past a limit the file fails alone with one line saying which
/// limit, and the run goes on (docs/robustness.md lists every limit).
/// </summary>
public static class InputLimits
{
    /// <summary>Largest file read (bytes).</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Longest document text (characters, after decoding or extraction) processed: about 6 MB of Japanese
    /// UTF-8 or a 1,000-page report. A processed document holds tens of bytes per character (passages, facts,
    /// their index rows), so this bounds an ingest's memory.
    /// </summary>
    public const int MaxSourceChars = 2_000_000;

    /// <summary>Most bytes one compressed PDF stream may inflate to (a page's content stream is rarely 1 MB).</summary>
    public const long MaxPdfStreamBytes = 32L * 1024 * 1024;

    /// <summary>Most bytes all of a PDF's compressed streams (images aside) may inflate to together.</summary>
    public const long MaxPdfInflatedBytes = 256L * 1024 * 1024;

    /// <summary>The one-line reason for text longer than <see cref="MaxSourceChars"/>.</summary>
    public static string TextTooLong(long chars) =>
        $"text too long ({chars:N0} characters or more; limit {MaxSourceChars:N0}); split the document";
}
