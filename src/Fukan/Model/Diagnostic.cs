namespace Fukan.Model;

/// <summary>How bad a diagnostic is. Errors make a file fail; warnings are kept and shown.</summary>
public enum Severity
{
    Info,
    Warning,
    Error,
}

/// <summary>Bad input reported as data: the file, where in it (line or byte offset, when known), and why.</summary>
public sealed record Diagnostic(Severity Severity, string File, string Message, int? Line = null, long? ByteOffset = null)
{
    public static Diagnostic Error(string file, string message, int? line = null, long? byteOffset = null) =>
        new(Severity.Error, file, message, line, byteOffset);

    public static Diagnostic Warning(string file, string message, int? line = null) =>
        new(Severity.Warning, file, message, line);

    /// <summary>One line, as the CLI prints it: <c>plan.md: line 3: malformed front matter</c>.</summary>
    public override string ToString()
    {
        // Byte offsets are part of the reading messages ("invalid UTF-8 at byte 90"); lines are prefixed.
        var where = Line is int l ? $"line {l}: " : "";
        return $"{File}: {where}{Message}";
    }
}
