using System.Net.Http.Json;
using System.Text.Json;

namespace Gatehouse.Server.External;

/// <summary>
/// Asks a logic's external source (R-GYM-20) and waits at most the logic's budget: a door must never wait on a
/// slow partner, so a timeout or any failure is <see cref="ExternalAnswer.Unavailable"/>, which denies.
/// </summary>
public sealed class ExternalAccessClient(HttpClient http, ILogger<ExternalAccessClient> logger)
{
    public const int DefaultBudgetMilliseconds = 300;

    public async Task<ExternalAnswer> AskAsync(Uri endpoint, ExternalAccessQuery query, int budgetMilliseconds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var budget = TimeSpan.FromMilliseconds(budgetMilliseconds > 0 ? budgetMilliseconds : DefaultBudgetMilliseconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(budget);
        try
        {
            using var response = await http.PostAsJsonAsync(endpoint, query, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("External access source {Endpoint} answered {Status}", endpoint, (int)response.StatusCode);
                return ExternalAnswer.Unavailable;
            }

            var reply = await response.Content.ReadFromJsonAsync<ExternalAccessReply>(timeout.Token);
            return reply is { Allowed: true } ? ExternalAnswer.Allowed : ExternalAnswer.Denied;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("External access source {Endpoint} did not answer within {Budget} ms", endpoint, budget.TotalMilliseconds);
            return ExternalAnswer.Unavailable;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException)
        {
            logger.LogWarning(e, "External access source {Endpoint} failed", endpoint);
            return ExternalAnswer.Unavailable;
        }
    }
}
