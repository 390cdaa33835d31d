using Gatehouse.Engine.Decisions;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Events;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>A member's status at a desk, as the front desk page shows it (R-STU-07, R-STU-09).</summary>
public sealed record DeskStatusDto(
    PersonRefDto Person,
    long DeskId,
    Outcome Outcome,
    IReadOnlyList<ReasonDto> Reasons,
    string DisplayText,
    PassDto? PassInUse,
    BookingDto? NextBooking,
    decimal AccountBalance,
    decimal PosBalance,
    DateTimeOffset? PresentSince,
    bool AwaitsStaff,
    EventDto? Entry)
{
    public static DeskStatusDto From(DeskView view, IGatehouseStore store)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(store);
        return new DeskStatusDto(
            PersonRefDto.From(view.Person)!,
            view.Desk.Id.Value,
            view.Outcome,
            view.Reasons.Select(ReasonDto.From).ToArray(),
            view.DisplayText,
            PassDto.From(view.Pass),
            BookingDto.From(view.NextBooking),
            view.Balances.Account,
            view.Balances.Pos,
            view.Presence?.Since,
            view.AwaitsStaff,
            view.Event is { } e ? EventDto.From(e, store.Index) : null);
    }
}
