namespace Gatehouse.Storage.Tests;

public enum StoreKind
{
    Sqlite,
    Postgres,
}
