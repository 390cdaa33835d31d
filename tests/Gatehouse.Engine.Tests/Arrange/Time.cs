using System.Globalization;

namespace Gatehouse.Engine.Tests.Arrange;

/// <summary>Instants written as Warsaw wall-clock times, the way a club owner reads them.</summary>
internal static class Time
{
    public static DateTimeOffset InWarsaw(string local)
    {
        var wall = DateTime.ParseExact(local, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None);
        return new DateTimeOffset(wall, World.Warsaw.GetUtcOffset(wall));
    }
}
