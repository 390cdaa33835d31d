namespace Gatehouse.Storage.Sql;

/// <summary>What another node must re-read after a write (LISTEN/NOTIFY payload).</summary>
internal enum ChangeKind
{
    Organization,
    Site,
    Zone,
    Device,
    Secret,
    Logic,
    Level,
    Person,

    /// <summary>Key is the credential's value (a deleted credential has no row left to find by id).</summary>
    Credential,

    /// <summary>Key is the site id: its occupancy is recounted.</summary>
    Presence,

    /// <summary>A card's double-scan lock: key is the grant's UTC ticks, '|', the credential's value. Nothing is re-read.</summary>
    Grant,
}
