using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// A TCP relay between the store and PostgreSQL that can lose one answer. Once armed, it passes the event writer's
/// next COMMIT to the server and, instead of relaying the server's reply, closes that connection: the server has
/// applied the commit and the store does not know it. Plain TCP only (the store must connect with
/// <c>SSL Mode=Disable</c>), so the messages can be read; the writer's connection is the one that sent the events'
/// insert. Each message is assumed to arrive in one read, as Npgsql writes these small ones.
/// </summary>
internal sealed class CommitAnswerDropper : IAsyncDisposable
{
    // The simple-query message Npgsql sends to commit: 'Q', its length (4 + "COMMIT\0"), then the text.
    private static readonly byte[] Commit = [(byte)'Q', 0, 0, 0, 11, .. "COMMIT\0"u8];
    private static readonly byte[] EventInsert = Encoding.ASCII.GetBytes("INSERT INTO events");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _host;
    private readonly int _port;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _armed;
    private int _dropped;

    public CommitAnswerDropper(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Whether a COMMIT's answer was dropped since <see cref="Arm"/>.</summary>
    public bool Dropped => Volatile.Read(ref _dropped) == 1;

    public void Arm() => Volatile.Write(ref _armed, 1);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var relays = new List<Task>();
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                break;
            }

            relays.Add(RelayAsync(client));
        }

        await Task.WhenAll(relays).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        using (client)
        {
            await server.ConnectAsync(_host, _port, _stop.Token);
            var commitSent = 0;
            var writer = false;
            var up = Pump(client.GetStream(), server.GetStream(), chunk =>
            {
                writer |= chunk.Span.IndexOf(EventInsert) >= 0;
                if (writer && chunk.Span.IndexOf(Commit) >= 0 && Interlocked.Exchange(ref _armed, 0) == 1)
                {
                    Volatile.Write(ref commitSent, 1);
                }

                return true;
            });
            var down = Pump(server.GetStream(), client.GetStream(), _ =>
            {
                // The server answered the COMMIT: it is applied. Lose the answer and the connection with it.
                if (Volatile.Read(ref commitSent) == 0)
                {
                    return true;
                }

                Volatile.Write(ref _dropped, 1);
                return false;
            });
            await Task.WhenAny(up, down);
        }
    }

    /// <summary>Copies from one side to the other while <paramref name="pass"/> agrees; closing either side ends it.</summary>
    private async Task Pump(NetworkStream from, NetworkStream to, Func<ReadOnlyMemory<byte>, bool> pass)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0 || !pass(buffer.AsMemory(0, read)))
                {
                    return;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Either side closed: the relay ends.
        }
    }
}
