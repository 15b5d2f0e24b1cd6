using Fukan.Bench;
using Fukan.Bench.Accuracy;

// A thin dispatcher: each verb lives in its own class.
return args.Length == 0 ? Usage() : args[0] switch
{
    "outline" => OutlineDump.Run(args[1..]),
    "ingest" => IngestBench.Run(args[1..]),
    "facts-accuracy" => FactsAccuracy.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fukan.Bench <verb> [args]\n  outline FILE [--passages]   print the section tree (debugging aid)\n  ingest [--copies N] [--seeds DIR] [--json]   ingest throughput and peak memory\n  facts-accuracy [--seeds DIR] [--expectations DIR] [--verbose] [--dump SEED]   precision/recall and MB/s of the quantity and date parsers");
    return 2;
}
