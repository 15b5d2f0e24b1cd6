using Fukan.Model;
using Fukan.Pipeline;

namespace Fukan.Contracts;

/// <summary>What an ingest did, as <c>fukan ingest --json</c> prints it.</summary>
public sealed record IngestReport(
    string Db, int Files, int Added, int Unchanged, int Replaced, int Failed, int Skipped, int Warnings,
    double Megabytes, double Seconds, double MegabytesPerSecond, string[] Errors)
{
    public static IngestReport Of(string location, IngestSummary summary)
    {
        int warnings = 0;
        var errors = new List<string>();
        foreach (var d in summary.Diagnostics)
        {
            if (d.Severity == Severity.Warning) warnings++;
            else if (d.Severity == Severity.Error) errors.Add(d.ToString());
        }
        return new(location, summary.Files, summary.Added, summary.Unchanged, summary.Replaced, summary.Failed, summary.Skipped, warnings,
            Math.Round(summary.Bytes / 1_000_000.0, 3), Math.Round(summary.Seconds, 3), Math.Round(summary.MegabytesPerSecond, 2), errors.ToArray());
    }
}
