namespace Gatehouse.Engine.Model;

/// <summary>How a device knows the direction of a scan.</summary>
public enum DeviceDirection
{
    /// <summary>Always entry.</summary>
    In,

    /// <summary>Always exit.</summary>
    Out,

    /// <summary>One reader for both ways: the person's presence decides (toggle).</summary>
    Both,

    /// <summary>The reader reports the direction with each scan.</summary>
    Reported,
}
