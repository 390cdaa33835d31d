using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Scanning;

namespace Gatehouse.Engine;

/// <summary>Turns one scan into one decision. Pure: everything it knows comes from the scan and the directory.</summary>
public static class Gatekeeper
{
    public static Decision Decide(in Scan scan, IAccessDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        throw new NotImplementedException("The check pipeline lands with the engine issue.");
    }
}
