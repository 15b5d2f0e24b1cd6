using System.Text.Json.Serialization;

namespace Fukan.Extraction.Quantities;

/// <summary>Which side a one-sided quantity is bounded on: 超/以上/more than (min), 以下/未満/up to (max).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QuantityBound>))]
public enum QuantityBound
{
    /// <summary>The value is a lower bound: 75%以上, more than $5 million.</summary>
    [JsonStringEnumMemberName("min")]
    Min,

    /// <summary>The value is an upper bound: 100V以下, up to 10 GW.</summary>
    [JsonStringEnumMemberName("max")]
    Max,
}
