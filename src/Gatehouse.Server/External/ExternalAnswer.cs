namespace Gatehouse.Server.External;

/// <summary>What an external access source said (R-GYM-20).</summary>
public enum ExternalAnswer
{
    Allowed,
    Denied,

    /// <summary>No answer within the budget, an error status or an unreadable body: the door must still be decided.</summary>
    Unavailable,
}
