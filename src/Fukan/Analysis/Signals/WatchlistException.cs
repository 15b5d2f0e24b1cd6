namespace Fukan.Analysis.Signals;

/// <summary>A watchlist file that cannot be used: the message is one line naming the file (and line) and the reason.</summary>
public sealed class WatchlistException(string message) : Exception(message);
