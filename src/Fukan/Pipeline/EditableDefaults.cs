using Fukan.Analysis.Ranking;
using Fukan.Analysis.Signals;
using Fukan.Reading;

namespace Fukan.Pipeline;

/// <summary>One default configuration file a user can copy and edit.</summary>
/// <param name="FileName">The name to write it under.</param>
/// <param name="Text">The commented YAML.</param>
/// <param name="Use">How the edited copy is used, for messages.</param>
public sealed record EditableDefault(string FileName, string Text, string Use);

/// <summary>
/// The defaults Fukan ships inside the library — the signal watchlist, the ranking weights and an empty gazetteer
/// — as commented YAML to edit. An installed tool has no data/ folder, so this is where a user gets them.
/// </summary>
public static class EditableDefaults
{
    /// <summary>The resource name of the empty, commented gazetteer template.</summary>
    public const string GazetteerTemplateResourceName = "Fukan.data.gazetteer.yaml";

    /// <summary>Every editable default, in the order a user meets them.</summary>
    public static IReadOnlyList<EditableDefault> All { get; } =
    [
        new("watchlist.yaml", YamlInput.ReadEmbedded(typeof(WatchlistLoader).Assembly, WatchlistLoader.DefaultResourceName), "fukan signals --watchlist watchlist.yaml"),
        new("weights.yaml", YamlInput.ReadEmbedded(typeof(WeightsLoader).Assembly, WeightsLoader.DefaultResourceName), "fukan rank --weights weights.yaml"),
        new("gazetteer.yaml", YamlInput.ReadEmbedded(typeof(EditableDefaults).Assembly, GazetteerTemplateResourceName), "fukan ingest --gazetteer gazetteer.yaml DIR"),
    ];
}
