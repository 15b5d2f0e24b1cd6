using Fukan.Analysis.Ranking;
using Fukan.Contracts;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fukan.Web;

/// <summary>
/// Once the server listens, computes the answers the overview, signals, rank and money pages open with, one after another on
/// one background task, into the <see cref="AnswerCache"/>; a request arriving meanwhile waits for the same
/// computation instead of starting a second one. Stops between answers when the server stops.
/// </summary>
internal sealed class AnswerWarmer(KnowledgeBaseReader kb, AnswerCache cache, FukanWebOptions options, IHostApplicationLifetime lifetime, ILogger<AnswerWarmer> log) : IHostedService
{
    private readonly CancellationTokenSource _stop = new();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Warm) lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => WarmAsync(_stop.Token)));
        return Task.CompletedTask;
    }

    private async Task WarmAsync(CancellationToken stop)
    {
        Func<FukanQueries, Task>[] steps =
        [
            q => Answers.ComparisonDocumentsAsync(cache, q, stop),
            q => Answers.SignalsAsync(cache, q, stop),
            q => Answers.RankAsync(cache, q, new RankRequest(WeightsLoader.LoadDefault()), stop),
            q => Answers.MoneyAsync(cache, q, FukanQueries.Money(null, null, null, null), null, stop),
        ];
        foreach (var step in steps)
        {
            if (stop.IsCancellationRequested) return;
            try { await kb.ReadAsync(async q => { await step(q).ConfigureAwait(false); return 0; }, stop).ConfigureAwait(false); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (Exception e)
            {
                // A knowledge base the answer cannot be computed for answers the request with the same error; nothing to warm.
                log.LogDebug(e, "warming stopped");
                return;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        return Task.CompletedTask;
    }
}
