using System.Reflection;
using Xunit.Sdk;

namespace Gatehouse.Storage.Tests;

/// <summary>Runs the theory against SQLite (a temp file).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Sqlite]];
}
