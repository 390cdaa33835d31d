using System.Data.Common;

namespace Gatehouse.Storage.Sql;

/// <summary>Typed, null-aware reads of the current row, with the dialect's instant format.</summary>
internal readonly struct Row(DbDataReader reader, SqlDialect dialect)
{
    public bool IsNull(int i) => reader.IsDBNull(i);

    public long Long(int i) => reader.GetInt64(i);

    public long? LongOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    public int Int(int i) => reader.GetInt32(i);

    public int? IntOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);

    public double? DoubleOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);

    public string String(int i) => reader.GetString(i);

    public string? StringOrNull(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

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
