using System.Text;
using Fukan.Model;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Fukan.Reading;

/// <summary>
/// Reads the text layer of a PDF with PdfPig, page by page in content order; pages are separated by a blank
/// line. The extracted text is the document's source text: line numbers refer to it. A PDF whose pages carry no
/// letters is refused as "no text layer (scanned?)"; a damaged PDF is refused with PdfPig's reason.
/// </summary>
public sealed class PdfDocumentReader : IDocumentReader
{
    public string Format => "pdf";

    public IReadOnlyList<string> Extensions { get; } = [".pdf"];

    public ReadResult Read(string path, byte[] bytes)
    {
        if (bytes.Length == 0) return ReadResult.Failed(path, "empty file");
        if (!bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).StartsWith("%PDF"u8) && bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF"u8) < 0)
            return ReadResult.Failed(path, "not a PDF (no %PDF header)");
        if (PdfStreamGuard.Check(bytes) is { } expands) return ReadResult.Failed(path, expands);
        var text = new StringBuilder();
        var meta = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        int pages, letters = 0;
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = false });
            pages = pdf.NumberOfPages;
            if (!string.IsNullOrWhiteSpace(pdf.Information.Title)) meta["title"] = [pdf.Information.Title.Trim()];
            if (!string.IsNullOrWhiteSpace(pdf.Information.Author)) meta["author"] = [pdf.Information.Author.Trim()];
            if (!string.IsNullOrWhiteSpace(pdf.Information.CreationDate)) meta["pdf.creationDate"] = [pdf.Information.CreationDate.Trim()];
            for (int i = 1; i <= pages; i++)
            {
                Page page = pdf.GetPage(i);
                letters += page.Letters.Count;
                var pageText = ContentOrderTextExtractor.GetText(page);
                if (text.Length > 0) text.Append("\n\n");
                text.Append(pageText.ReplaceLineEndings("\n").TrimEnd());
                if (text.Length > InputLimits.MaxSourceChars) return ReadResult.Failed(path, InputLimits.TextTooLong(text.Length));
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException && IsEncryption(e))
        {
            return ReadResult.Failed(path, "encrypted PDF (password-protected); not read");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return ReadResult.Failed(path, $"damaged or truncated PDF: {OneLine(e.Message)}");
        }
        if (pages == 0) return ReadResult.Failed(path, "PDF has no pages");
        if (letters == 0 || string.IsNullOrWhiteSpace(text.ToString()))
            return ReadResult.Failed(path, $"no text layer (scanned?) in {pages} page(s)");
        text.Append('\n');
        var source = new SourceText(text.ToString());
        meta["pages"] = [pages.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        return new ReadResult(new RawDocument(path, DocumentId.FromContent(bytes), bytes.Length, Format, "pdf-text", source, meta, 1), []);
    }

    /// <summary>PdfPig refuses encrypted files it cannot open with an error that names encryption.</summary>
    private static bool IsEncryption(Exception e) =>
        e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal)
        || e.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Trim();
}
