using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// A TCP relay between the store and PostgreSQL that breaks the event writer's next COMMITs as it is told
/// (<see cref="CommitFate"/>): it either never passes the COMMIT on (the server rolls back), or passes it and, instead
/// of relaying the server's reply, closes that connection (the server has applied it and the store does not know).
/// Plain TCP only (the store must connect with <c>SSL Mode=Disable</c>), so the messages can be read; the writer's
/// connection is one that sent the events' insert. Each message is assumed to arrive in one read, as Npgsql writes
/// these small ones.
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
    private readonly System.Collections.Concurrent.ConcurrentQueue<CommitFate> _fates = new();
    private int _answersLost;

    public CommitAnswerDropper(string host, int port)
    {
        _host = host;
        _port = port;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>COMMITs applied whose answer was dropped.</summary>
    public int AnswersLost => Volatile.Read(ref _answersLost);

    /// <summary>What becomes of the writer's next COMMITs, in order; the ones after pass untouched.</summary>
    public void Arm(params CommitFate[] fates)
    {
        foreach (var fate in fates)
        {
            _fates.Enqueue(fate);
        }
    }

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
                if (!writer || chunk.Span.IndexOf(Commit) < 0 || !_fates.TryDequeue(out var fate))
                {
                    return true;
                }

                // Refused: the COMMIT never reaches the server, which rolls back when the connection closes.
                Volatile.Write(ref commitSent, fate == CommitFate.AnswerLost ? 1 : 0);
                return fate == CommitFate.AnswerLost;
            });
            var down = Pump(server.GetStream(), client.GetStream(), _ =>
            {
                // The server answered the COMMIT: it is applied. Lose the answer and the connection with it.
                if (Volatile.Read(ref commitSent) == 0)
                {
                    return true;
                }

                Interlocked.Increment(ref _answersLost);
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
