namespace Gatehouse.Engine.Logic;

/// <summary>What a logic does after a scan (R-GYM-21). The engine names the actions; the server applies them.</summary>
public sealed record AccessActions
{
    public bool AddPresence { get; init; }

    /// <summary>With <see cref="AddPresence"/>: one reader both enters and exits, toggling presence.</summary>
    public bool DeactivatePresence { get; init; }

    /// <summary>When off, denials are counted but not listed in reports.</summary>
    public bool LogUnsuccessfulScans { get; init; } = true;

    public bool MarkQrUsage { get; init; }

    /// <summary>Remove the card's data after the scan (a card-collecting slot).</summary>
    public bool CollectCard { get; init; }

    public bool UseZoneProduct { get; init; }

    public bool MarkFacilityBookingUsage { get; init; }

    public bool NotifyFrontDesk { get; init; }

    public bool OpenProfileAtFrontDesk { get; init; }
}
