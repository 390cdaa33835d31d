namespace Gatehouse.Storage;

/// <summary>
/// The database was migrated by a newer Gatehouse than this one. Starting anyway could write rows the newer
/// schema does not expect, so the store refuses; upgrade Gatehouse or restore a matching backup.
/// </summary>
public sealed class SchemaTooNewException : Exception
{
    public SchemaTooNewException(int databaseVersion, int codeVersion)
        : base($"The database schema is at version {databaseVersion}, but this Gatehouse knows versions up to {codeVersion}. Upgrade Gatehouse (or restore a backup made with this version) before starting.")
    {
        DatabaseVersion = databaseVersion;
        CodeVersion = codeVersion;
    }

    public SchemaTooNewException()
    {
    }

    public SchemaTooNewException(string message)
        : base(message)
    {
    }

    public SchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int DatabaseVersion { get; }

    public int CodeVersion { get; }
}
