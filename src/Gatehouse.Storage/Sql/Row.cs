using System.Data.Common;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Typed, null-aware reads of the current row, with the dialect's instant format. With <see cref="SharedValues"/>
/// (the index load), <see cref="Text"/> and <see cref="Parsed"/> share repeated values across rows; without, they
/// read a fresh value like <see cref="String"/>.
/// </summary>
internal readonly struct Row(DbDataReader reader, SqlDialect dialect, SharedValues? shared = null)
{
    public bool IsNull(int i) => reader.IsDBNull(i);

    public long Long(int i) => reader.GetInt64(i);

    public long? LongOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    public int Int(int i) => reader.GetInt32(i);

    public int? IntOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);

    public double? DoubleOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    public string String(int i) => reader.GetString(i);

    public string? StringOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    /// <summary>A string many rows are likely to repeat (names, categories).</summary>
    public string Text(int i) => shared is null ? reader.GetString(i) : shared.String(reader.GetString(i));

    public string? TextOrNull(int i) => reader.IsDBNull(i) ? null : Text(i);

    /// <summary>A JSON column many rows are likely to repeat, parsed once per distinct text while loading.</summary>
    public T? Parsed<T>(int i, Func<string, T> parse)
        where T : class
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        var json = reader.GetString(i);
        return shared is null ? parse(json) : shared.Parsed(json, parse);
    }

    public bool Bool(int i) => reader.GetBoolean(i);

    public bool? BoolOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetBoolean(i);

    public decimal Decimal(int i) => reader.GetDecimal(i);

    public byte[]? BytesOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<byte[]>(i);

    public DateOnly Date(int i) => reader.GetFieldValue<DateOnly>(i);

    public DateTimeOffset Instant(int i) => dialect.ReadInstant(reader, i);

    public DateTimeOffset? InstantOrNull(int i) => reader.IsDBNull(i) ? null : dialect.ReadInstant(reader, i);

    public T Enum<T>(int i)
        where T : struct, Enum => System.Enum.Parse<T>(reader.GetString(i));
}
