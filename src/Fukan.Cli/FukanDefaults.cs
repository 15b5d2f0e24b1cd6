using Fukan.Pipeline;
using Fukan.Storage;

namespace Fukan.Cli;

/// <summary>The pipeline and store hooks the CLI uses: every stage Fukan ships.</summary>
public static class FukanDefaults
{
    public static FukanPipeline CreatePipeline() => new FukanPipelineBuilder().UseDefaults().Build();

    public static IReadOnlyList<ISqliteStoreHook> StoreHooks() => [];
}
