using Fukan.Bench;

// A thin dispatcher: each verb lives in its own class.
return args.Length == 0 ? Usage() : args[0] switch
{
    "outline" => OutlineDump.Run(args[1..]),
    "search-engines" => Fukan.Bench.Search.EngineProbe.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Fukan.Bench <verb> [args]\n  outline FILE [--passages]   print the section tree (debugging aid)");
    return 2;
}
