using Fukan.Bench.Accuracy;

// A thin dispatcher on the first argument: each verb lives in its own folder and class.
return args.Length == 0 ? Usage() : args[0] switch
{
    "facts-accuracy" => FactsAccuracy.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fukan.Bench <verb> [options]");
    Console.Error.WriteLine("  facts-accuracy [--seeds DIR] [--expectations DIR] [--verbose]   precision/recall and MB/s of the quantity and date parsers");
    return 2;
}
