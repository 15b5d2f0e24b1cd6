using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Fukan.Reading;

/// <summary>
/// A YAML event stream with the limits untrusted YAML needs: no aliases (a recursive alias or an anchor bomb
/// expands without end in the representation model), nesting no deeper than <see cref="MaxDepth"/> (the model is
/// built recursively), and the scanner's own give-ups turned into <see cref="YamlException"/>s with a position.
/// Every YAML text Fukan reads (front matter, watchlists, weights, gazetteers) goes through it.
/// </summary>
public sealed class GuardedYamlParser : IParser
{
    /// <summary>Deepest nesting of mappings and sequences accepted.</summary>
    public const int MaxDepth = 64;

    private readonly Parser _inner;
    private int _depth;

    public GuardedYamlParser(TextReader input) => _inner = new Parser(input);

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        bool more;
        try { more = _inner.MoveNext(); }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up this way on some unterminated flow collections ("[a, b").
            var at = _inner.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "unclosed bracket, brace or quote", e);
        }
        switch (_inner.Current)
        {
            case AnchorAlias alias:
                throw new YamlException(alias.Start, alias.End, $"YAML aliases (*{alias.Value}) are not accepted");
            case MappingStart or SequenceStart:
                if (++_depth > MaxDepth)
                    throw new YamlException(_inner.Current.Start, _inner.Current.End, $"nesting deeper than {MaxDepth} levels");
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }
        return more;
    }

    /// <summary>A parser's message without YamlDotNet's "(Line: 1, Col: 2, Idx: 1) - (…): " prefix, on one line.</summary>
    public static string Reason(YamlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var m = e.Message.ReplaceLineEndings(" ").Trim();
        if (m.StartsWith("(Line:", StringComparison.Ordinal))
        {
            int colon = m.IndexOf("): ", StringComparison.Ordinal);
            if (colon >= 0 && m.AsSpan(0, colon).Contains(") - (", StringComparison.Ordinal)) m = m[(colon + 3)..];
        }
        return m;
    }

    /// <summary>Loads <paramref name="yaml"/> into a representation model through the guard.</summary>
    public static YamlDotNet.RepresentationModel.YamlStream Load(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new GuardedYamlParser(new StringReader(yaml)));
        return stream;
    }
}
