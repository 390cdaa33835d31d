using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>A membership or booking invoice; unpaid past its due date it is debt (R-GYM-02).</summary>
public sealed record InvoiceDto(long Id, long PersonId, decimal Amount, DateTimeOffset DueAt, InvoiceStatus Status, Payer Payer, long? ContractId, long? BookingId)
{
    public static InvoiceDto From(Invoice i) => new(i.Id.Value, i.Person.Value, i.Amount, i.DueAt, i.Status, i.Payer, i.Contract?.Value, i.Booking?.Value);
}
