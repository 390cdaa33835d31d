using System.Diagnostics.Metrics;

namespace Gatehouse.LoadTest;

/// <summary>
/// The server's own view of each request's duration (ASP.NET Core's "http.server.request.duration", from the
/// moment Kestrel has parsed the request to the end of the response) while listening. Set beside the generator's
/// figures it tells whether a slow answer was slow inside the server or waiting around it (in the sockets, the run
/// queue, the generator).
/// </summary>
public sealed class ServerLatency : IDisposable
{
    private readonly MeterListener _listener = new();

    public ServerLatency()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Microsoft.AspNetCore.Hosting" && instrument.Name == "http.server.request.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => Requests.Record(seconds * 1000));
        _listener.Start();
    }

    public LatencyBuckets Requests { get; } = new();

    public void Dispose() => _listener.Dispose();
}
