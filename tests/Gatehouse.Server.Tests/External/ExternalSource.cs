using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Server.Tests.External;

/// <summary>A real external access source on 127.0.0.1, port chosen by the OS: says yes, no, answers slowly or fails.</summary>
public sealed class ExternalSource : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExternalSource(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Uri Path(string path) => new(Address, path);

    public static async Task<ExternalSource> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        ExternalSource? source = null;
        app.MapPost("/yes", () => { Interlocked.Increment(ref source!._calls); return Results.Json(new { allowed = true }); });
        app.MapPost("/no", () => { Interlocked.Increment(ref source!._calls); return Results.Json(new { allowed = false }); });
        app.MapPost("/fail", () => { Interlocked.Increment(ref source!._calls); return Results.StatusCode(500); });
        app.MapPost("/slow", async (CancellationToken ct) =>
        {
            Interlocked.Increment(ref source!._calls);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            return Results.Json(new { allowed = true });
        });
        await app.StartAsync();
        source = new ExternalSource(app, new Uri(app.Urls.First()));
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
