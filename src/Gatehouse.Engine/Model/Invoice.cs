namespace Gatehouse.Engine.Model;

/// <summary>
/// A membership invoice. Unpaid past <see cref="DueAt"/> it is debt; the debt's age is counted in whole days
/// from <see cref="DueAt"/> (R-GYM-02). <see cref="Booking"/> links a session's invoice (R-STU-06 warning).
/// </summary>
public sealed record Invoice(
    InvoiceId Id,
    PersonId Person,
    decimal Amount,
    DateTimeOffset DueAt,
    InvoiceStatus Status = InvoiceStatus.Unpaid,
    Payer Payer = Payer.Person,
    ContractId? Contract = null,
    BookingId? Booking = null);
