using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Fukan.Reading;
using Fukan.Tests.Support;
using Xunit;

namespace Fukan.Tests.Robustness;

/// <summary>
/// Issue 16, case 5: a 94 KB PDF whose content stream inflates to gigabytes aborted the run with OutOfMemory and
/// lost the files after it; text ingest held about 12× the file. Past the limits a file fails alone with a line
/// naming the limit; the run goes on and ends with exit 1.
/// </summary>
public class ExpansionLimitTests
{
    /// <summary>A PDF whose one content stream is <paramref name="megabytes"/> MB of zeros, deflated (~1 KB per MB).</summary>
    internal static byte[] PdfBomb(int megabytes)
    {
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) z.Write(zeros);
        }
        var data = compressed.ToArray();
        using var pdf = new MemoryStream();
        void W(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        W("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        W("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n");
        W("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj\n");
        W($"4 0 obj << /Length {data.Length} /Filter /FlateDecode >>\nstream\n");
        pdf.Write(data);
        W("\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        return pdf.ToArray();
    }

    [Fact]
    public void PdfStreamGuard_ABomb_IsRefusedAtTheLimit_WithoutInflatingTheRest()
    {
        var bomb = PdfBomb(64);

        var reason = PdfStreamGuard.Check(bomb);

        Assert.True(bomb.Length < 200_000, $"{bomb.Length} bytes");
        Assert.Equal($"a compressed PDF stream expands beyond 32 MB (at byte {Encoding.ASCII.GetString(bomb).IndexOf("stream\n", StringComparison.Ordinal) + 7}); not read", reason);
    }

    [Fact]
    public void PdfStreamGuard_AnOrdinaryPdf_Passes()
    {
        Assert.Null(PdfStreamGuard.Check(PdfBomb(1)));
    }

    [Fact]
    public void TextDecoder_TextLongerThanTheLimit_IsRefusedBeforeDecoding()
    {
        var bytes = new byte[InputLimits.MaxSourceChars * 4 + 8];
        bytes.AsSpan().Fill((byte)'a');

        var r = new TextDecoder().Decode(bytes);

        Assert.Null(r.Text);
        Assert.Equal("text too long (2,000,002 characters or more; limit 2,000,000); split the document", r.Error);
    }

    [Fact]
    public async Task Ingest_ABombAndATooLongText_FailAlone_TheFileAfterThemIsStored_InAMemoryCappedChild()
    {
        using var dir = new TempDir();
        dir.Write("d/a_bomb.pdf", PdfBomb(1024));                    // 1 GB inflated
        dir.Write("d/b_long.txt", string.Concat(Enumerable.Repeat("hydrogen plan. ", 180_000)));    // 2.7M characters
        dir.Write("d/c_good.md", "# 良い文書\n\n2030年に水素を導入する計画である。\n");
        var db = dir.File("k.db");

        // The child runs with the CLI's own heap limit (fukan.runtimeconfig.json); before the limits the bomb
        // ended it with OutOfMemory (exit 3) and c_good.md was lost.
        var r = await ChildProcess.RunCliAsync(dir.Path, TimeSpan.FromSeconds(180), null, "--db", db, "ingest", dir.File("d"));

        Assert.False(r.TimedOut, r.ToString());
        Assert.True(r.ExitCode == 1, r.ToString());
        Assert.Contains("a_bomb.pdf: a compressed PDF stream expands beyond 32 MB", r.Err);
        Assert.Contains("b_long.txt: text too long (2,700,000 characters or more; limit 2,000,000); split the document", r.Err);
        Assert.Contains("1 new", r.Out);
        var listed = await Support.Cli.RunAsync("--db", db, "docs", "--json");
        using var json = JsonDocument.Parse(listed.Out);
        Assert.Equal("良い文書", Assert.Single(json.RootElement.EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public void Cli_RuntimeConfig_CapsTheHeap()
    {
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fukan.runtimeconfig.json"));

        Assert.Contains("\"System.GC.HeapHardLimit\": 234881024", config);
    }
}

/// <summary>Issue 16, case 10: an encrypted PDF was called "damaged or truncated".</summary>
public class EncryptedPdfTests
{
    [Fact]
    public void EncryptedPdf_WithAPassword_IsNamedEncrypted()
    {
        // A standard security handler whose user password is not empty: the reader cannot open it.
        var o = new string('A', 32);
        var u = new string('B', 32);
        var body = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + $"3 0 obj << /Filter /Standard /V 1 /R 2 /O ({o}) /U ({u}) /P -4 >> endobj\n";
        var xref = body.Length;
        var pdf = body + "xref\n0 4\n0000000000 65535 f \n" + string.Concat(new[] { "1 0 obj", "2 0 obj", "3 0 obj" }.Select(m => $"{body.IndexOf(m, StringComparison.Ordinal):D10} 00000 n \n"))
            + "trailer << /Size 4 /Root 1 0 R /Encrypt 3 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n"
            + $"startxref\n{xref}\n%%EOF\n";

        var r = new PdfDocumentReader().Read("locked.pdf", Encoding.ASCII.GetBytes(pdf));

        Assert.Null(r.Document);
        Assert.Equal("locked.pdf: encrypted PDF (password-protected); not read", Assert.Single(r.Diagnostics).ToString());
    }
}
