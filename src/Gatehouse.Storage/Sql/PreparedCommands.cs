using System.Data.Common;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The event writer's commands, one per SQL text, created once per writer connection and re-executed with new
/// parameter values: SQLite keeps the compiled statement on the command (explicit Prepare), PostgreSQL's writer
/// connection auto-prepares them. Re-parsing six statements per event was most of an append's cost.
/// </summary>
internal sealed class PreparedCommands(DbConnection connection, bool prepare) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    public DbConnection Connection => connection;

    /// <summary>The writer's current batch transaction; every command handed out runs in it.</summary>
    public DbTransaction? Transaction { get; set; }

    /// <summary>The command for this SQL text with the values bound, in the order of its first use.</summary>
    public DbCommand Get(string sql, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var fresh = false;
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.Command(sql);
            foreach (var (name, _) in args)
            {
                var parameter = command.CreateParameter();
                // Prefixed as in the SQL text: Microsoft.Data.Sqlite otherwise retries every prefix on every bind.
                parameter.ParameterName = name[0] is '@' or '$' or ':' ? name : "@" + name;
                command.Parameters.Add(parameter);
            }

            _commands[sql] = command;
            fresh = true;
        }

        command.Transaction = Transaction;
        for (var i = 0; i < args.Length; i++)
        {
            command.Parameters[i].Value = args[i].Value ?? DBNull.Value;
        }

        if (fresh && prepare)
        {
            command.Prepare();
        }

        return command;
    }

    public Task<int> ExecuteAsync(string sql, params ReadOnlySpan<(string Name, object? Value)> args) => Get(sql, args).ExecuteNonQueryAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        _commands.Clear();
    }
}
