using Fukan.Bench;
using Fukan.Bench.Accuracy;

// A thin dispatcher: each verb lives in its own class. Bad arguments and missing inputs are one line and exit 2.
try
{
    return Dispatch(args);
}
catch (Exception e) when (e is ArgumentException or DirectoryNotFoundException or FileNotFoundException or FormatException)
{
    Console.Error.WriteLine($"fukan-bench: {e.Message}");
    return 2;
}

static int Dispatch(string[] args) => args.Length == 0 ? Usage() : args[0] switch
{
    "outline" => OutlineDump.Run(args[1..]),
    "ingest" => IngestBench.Run(args[1..]),
    "search-engines" => Fukan.Bench.Search.EngineProbe.Run(args[1..]),
    "search-build" => Fukan.Bench.Search.SearchBench.Build(args[1..]),
    "search" => Fukan.Bench.Search.SearchBench.Query(args[1..]),
    "search-eval" => Fukan.Bench.Search.SearchBench.Eval(args[1..]),
    "facts-accuracy" => FactsAccuracy.Run(args[1..]),
    "realdocs" => RealDocsAccuracy.Run(args[1..]),
    "timeline-accuracy" => TimelineAccuracy.Run(args[1..]),
    "rank-signals" => RankSignalsBench.Run(args[1..]),
    "scaling" => ScalingBench.Run(args[1..]),
    "robustness" => RobustnessBench.Run(args[1..]),
    "serve" => ServeBench.Run(args[1..]),
    "scale" => ScaleBench.Run(args[1..]),
    "warm" => ScaleBench.RunWarm(args[1..]),
    "conflicts" => ConflictsBench.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fukan.Bench <verb> [args]\n  outline FILE [--lines] [--passages]   print the section tree, the lines as read, the passages (debugging aid)\n" +
        "  ingest [--copies N] [--seeds DIR] [--stages foundation|facts|all] [--json]   ingest throughput, peak memory, stage times\n" +
        "  search-build DIR --db PATH [--copies N] [--analyzer bigram|mecab]   index DIR, print MB/s\n" +
        "  search --db PATH --queries FILE [--json] [--repeat N] | --show QUERY [--limit N]   query latency p50/p99, or one query's hits\n" +
        "  search-eval [--seeds DIR] [--judged FILE] [--analyzer bigram|mecab|all] [-v]   recall@10, MRR, nDCG@10\n" +
        "  search-engines DIR [QUERIES] [--copies N]                          FTS5 vs Lucene.Net probe\n" +
        "  facts-accuracy [--seeds DIR] [--expectations DIR] [--verbose] [--dump SEED]   precision/recall and MB/s of the quantity and date parsers\n" +
        "  realdocs [--doc NAME] [--verbose] [--dump]   accuracy per real public document and per fact kind (kind, headings, quantities, dates, attendees, statements)\n" +
        "  timeline-accuracy [--seeds DIR] [--labels FILE] [-v]   precision/recall of timeline's top-N view against hand-labelled slide milestones\n" +
        "  rank-signals [--seeds DIR] [--runs N] [--json]   ms of fukan signals and fukan rank (wsum, topsis, sensitivity) on the seeds\n" +
        "  scaling [--seeds DIR]   entity recogniser and minutes parser on a text and on it repeated: linear or not\n" +
        "  conflicts [--corpus DIR] [--seeds DIR] [-v]   precision/recall of fukan conflicts on the written test set and derived seed editions\n" +
        "  robustness [--scale N] [--only lines|passage|nesting|query]   long line, many lines, long passage, deep HTML, query terms at 1×, 4×, 16×: time ratios\n" +
        "  scale [--copies N] [--runs R] [--work DIR] [--peer]   seeds ×N ingested by the CLI; every verb's process time, peak RSS and warm time; KB size ÷ text\n" +
        "  serve (--corpus DIR | --db PATH) [--requests N] [--clients C] [--rounds R] [--only TEXT] [--no-warm]   every API route and page over loopback: p50/p99, then C concurrent clients\n" +
        "  warm --db PATH [--runs R] VERB [ARGS]   one CLI verb in this process on an existing knowledge base: each run's time after a warm-up");
    return 2;
}
