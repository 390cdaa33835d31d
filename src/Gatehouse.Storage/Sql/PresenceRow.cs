namespace Gatehouse.Storage.Sql;

/// <summary>A presence row as <see cref="DeferredEffects"/> holds it until it is written: SQLite's encodings (since in unix milliseconds).</summary>
internal readonly record struct PresenceRow(long Organization, long? Zone, long Since);
