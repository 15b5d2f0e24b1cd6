using System.Security.Cryptography;

namespace Fukan.Model;

/// <summary>The identity of a document: the lower-case hex SHA-256 of its bytes.</summary>
public readonly record struct DocumentId(string Value)
{
    /// <summary>How many hex digits the short form shows.</summary>
    public const int ShortLength = 12;

    /// <summary>The short prefix shown to people.</summary>
    public string Short => Value.Length > ShortLength ? Value[..ShortLength] : Value;

    /// <summary>Hashes <paramref name="content"/>.</summary>
    public static DocumentId FromContent(ReadOnlySpan<byte> content) =>
        new(Convert.ToHexStringLower(SHA256.HashData(content)));

    public override string ToString() => Value;
}
