using System.Text;
using Fukan.Rendering;

namespace Fukan.Cli;

/// <summary>
/// Human output on its way to a terminal: every write passes through <see cref="TerminalSafety"/>, so text that
/// came from a document cannot drive the terminal. Machine output (JSON, CSV) is written to the inner writer.
/// </summary>
public sealed class SafeTerminalWriter(TextWriter inner) : TextWriter
{
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

#pragma warning disable CS8765 // TextWriter's own NewLine setter accepts null and means Environment.NewLine
    public override string NewLine { get => Inner.NewLine; set => Inner.NewLine = value; }
#pragma warning restore CS8765

    public override void Write(char value)
    {
        // One char at a time cannot pair surrogates; pairs come in strings, which Sanitize checks.
        if (char.IsSurrogate(value)) { Inner.Write(value); return; }
        if (value == '\r') { Inner.Write(value); return; }
        if (TerminalSafety.Visible(value) is { } shown) { if (shown != '\0') Inner.Write(shown); }
        else Inner.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is not null) Inner.Write(TerminalSafety.Sanitize(value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Write(ReadOnlySpan<char> buffer) => Write(new string(buffer));

    public override void WriteLine(string? value)
    {
        Write(value);
        Inner.WriteLine();
    }

    public override void WriteLine() => Inner.WriteLine();

    public override void Flush() => Inner.Flush();
}
