using System.Text.Json;
using Gatehouse.Server.Auth;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>
/// <c>GET /desk/stream</c>: Server-Sent Events of new entries the signed-in staff member may see (R-STU-10),
/// so the front desk receives a member the moment they scan (R-GYM-21 notify the front desk) and the visit and
/// occupancy pages update without a refresh.
/// </summary>
public static class DeskStream
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapDeskStream(this IEndpointRouteBuilder app)
    {
        app.MapGet("/desk/stream", StreamAsync).RequireAuthorization(StaffPolicies.Staff).ExcludeFromDescription();
        return app;
    }

    private static async Task StreamAsync(HttpContext http, DeskFeed feed, IHostApplicationLifetime lifetime)
    {
        if (StaffClaims.From(http.User) is not { } staff)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var subscription = await feed.SubscribeAsync(staff.Organization, stop.Token);
        try
        {
            await http.Response.WriteAsync(": connected\n\n", stop.Token);
            await http.Response.Body.FlushAsync(stop.Token);
            while (!stop.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                wait.CancelAfter(KeepAlive);
                string line;
                try
                {
                    var stored = await subscription.Channel.Reader.ReadAsync(wait.Token);
                    if (!FrontDesk.MayView(staff, stored) || stored.PreVerification)
                    {
                        continue;
                    }

                    line = "data: " + JsonSerializer.Serialize(LiveEntry.From(stored)) + "\n\n";
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    line = ": keep-alive\n\n";
                }

                await http.Response.WriteAsync(line, stop.Token);
                await http.Response.Body.FlushAsync(stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server is stopping.
        }
        finally
        {
            feed.Unsubscribe(subscription);
        }
    }
}
