using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Gatehouse.Engine.Model;
using Npgsql;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Keeps several nodes' indexes current on PostgreSQL (ARCHITECTURE: nodes learn of each other's writes through
/// LISTEN/NOTIFY). Every index change this node makes after a commit is announced as a line "kind|org|key"; other
/// nodes re-read that row and update their own index. Lines are de-duplicated and packed many to a notification
/// ("node" on the first line, then one change per line, under PostgreSQL's 8,000-byte payload limit): a busy gate
/// announces the same site's presence and the same people many times a second, and one NOTIFY per change cost the
/// database (and every listener) more than the scans themselves. Notifications are a cache-freshness signal, not the source of
/// truth: the conditional writes in the database still decide races (presence, single-use QR). A notification
/// missed while the listening connection was down is caught up at the next start. Two connections of its own: one
/// listening, one sending.
/// </summary>
internal sealed class ChangeFeed(SqlDialect db, AccessIndex index, GrantHorizon grants) : IAsyncDisposable
{
    private const int MaxPerDrain = 2_000;
    private const int MaxPayloadBytes = 7_900;

    /// <summary>
    /// How long changes gather before they are sent. Sent as they came, a busy site's scans made hundreds of small
    /// notifications a second, each a transaction of its own that the database also signals to every listener:
    /// about a fifth of the database's CPU per scan (docs/performance.md). Another node learns of a change this much
    /// later at most; the conditional writes, not the indexes, decide races in the meantime.
    /// </summary>
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(20);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly Channel<string> _outbox = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _listener = Task.CompletedTask;
    private Task _publisher = Task.CompletedTask;

    // Owned by the publishing loop.
    private DbConnection? _publishing;

    /// <summary>
    /// NOTIFY channels are per database, not per schema: the channel is named after the schema so that two
    /// installations (or two test runs) sharing a database do not refresh from each other's ids.
    /// </summary>
    private string _channel = "gatehouse_changes";

    /// <summary>Starts both loops; completes once this node is listening (or after 30 s if it cannot: then the store runs without the feed until it reconnects).</summary>
    public async Task StartAsync()
    {
        await using (var connection = await db.OpenAsync(CancellationToken.None).ConfigureAwait(false))
        await using (var schema = connection.Command("SELECT current_schema()"))
        {
            var name = Convert.ToString(await schema.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture) ?? "public";
            _channel = "gatehouse_" + new string([.. name.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')]);
        }

        index.Changed = (kind, organization, key) => _outbox.Writer.TryWrite($"{kind}|{organization.ToString(CultureInfo.InvariantCulture)}|{key}");
        _listener = Task.Run(ListenAsync);
        _publisher = Task.Run(PublishAsync);
        await Task.WhenAny(_listening.Task, Task.Delay(TimeSpan.FromSeconds(30))).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        index.Changed = null;
        _outbox.Writer.TryComplete();
        await _publisher.ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listener.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task PublishAsync()
    {
        var changes = new HashSet<string>(StringComparer.Ordinal);
        while (await _outbox.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await Task.Delay(Gather).ConfigureAwait(false);

            // Refreshes are idempotent (a node re-reads the current row), so a change announced twice is sent once.
            changes.Clear();
            while (changes.Count < MaxPerDrain && _outbox.Reader.TryRead(out var change))
            {
                changes.Add(change);
            }

            try
            {
                await NotifyAsync(Pack(changes)).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is DbException or IOException or InvalidOperationException)
            {
                // The writes are committed; other nodes only miss a refresh until their next start. Keep going, on a
                // fresh connection.
                await ClosePublishingAsync().ConfigureAwait(false);
            }
        }

        await ClosePublishingAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// One statement for all the payloads, on a connection kept for it: taken from the pool for every send, its
    /// return ran <c>DISCARD ALL</c> about fifty times a second on a busy site.
    /// </summary>
    private async Task NotifyAsync(List<string> payloads)
    {
        _publishing ??= await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var command = _publishing.Command("SELECT pg_notify(@channel, p) FROM unnest(@payloads::text[]) AS p")
            .With("channel", _channel).With("payloads", payloads.ToArray());
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private async Task ClosePublishingAsync()
    {
        if (_publishing is not null)
        {
            await _publishing.DisposeAsync().ConfigureAwait(false);
            _publishing = null;
        }
    }

    private async Task ListenAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)await db.OpenAsync(_stop.Token).ConfigureAwait(false);
                var received = new List<string>();
                connection.Notification += (_, e) => received.Add(e.Payload);
                await using (var listen = connection.Command($"LISTEN {_channel}"))
                {
                    await listen.ExecuteNonQueryAsync(_stop.Token).ConfigureAwait(false);
                }

                _listening.TrySetResult();
                while (true)
                {
                    await connection.WaitAsync(_stop.Token).ConfigureAwait(false);
                    foreach (var payload in received.ToArray())
                    {
                        var lines = payload.Split('\n');
                        if (lines[0] == _node)
                        {
                            continue;
                        }

                        foreach (var line in lines.Skip(1))
                        {
                            await ApplyAsync(line).ConfigureAwait(false);
                        }
                    }

                    received.Clear();
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is DbException or IOException or InvalidOperationException)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>The changes as notification payloads: this node's id, then as many lines as fit.</summary>
    private List<string> Pack(IEnumerable<string> changes)
    {
        var payloads = new List<string>();
        var current = new System.Text.StringBuilder(_node);
        var bytes = _node.Length;
        foreach (var change in changes)
        {
            var size = 1 + System.Text.Encoding.UTF8.GetByteCount(change);
            if (bytes + size > MaxPayloadBytes && current.Length > _node.Length)
            {
                payloads.Add(current.ToString());
                current.Clear().Append(_node);
                bytes = _node.Length;
            }

            current.Append('\n').Append(change);
            bytes += size;
        }

        if (current.Length > _node.Length)
        {
            payloads.Add(current.ToString());
        }

        return payloads;
    }

    private async Task ApplyAsync(string change)
    {
        var parts = change.Split('|', 3);
        if (parts.Length != 3 || !Enum.TryParse<ChangeKind>(parts[0], out var kind))
        {
            return;
        }

        try
        {
            var organization = new OrganizationId(long.Parse(parts[1], CultureInfo.InvariantCulture));
            await IndexRefresher.ApplyAsync(db, index, kind, organization, parts[2], _stop.Token).ConfigureAwait(false);
            if (kind == ChangeKind.Logic && index.FindLogic(new AccessLogicId(long.Parse(parts[2], CultureInfo.InvariantCulture))) is { } logic)
            {
                // Another node raised a double-entry time: this node needs the older grants too.
                await grants.WidenAsync(logic, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // One unreadable change must not stop the feed; the next change to the same row, or a restart, repairs it.
        }
    }
}
