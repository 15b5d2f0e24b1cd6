namespace Fukan.Analysis.Ranking;

/// <summary>Nothing to rank, or a request the knowledge base cannot answer (an unknown country): one line.</summary>
public sealed class RankingException(string message) : Exception(message);
