using System.Reflection;
using Xunit.Sdk;

namespace Gatehouse.Storage.Tests;

/// <summary>Runs the theory against PostgreSQL (its own schema), or skips it visibly when there is none (see <see cref="PostgresTarget"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        Skip = PostgresTarget.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StoreKind.Postgres]];
}
