using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>Create or replace an invoice.</summary>
public sealed record InvoiceRequest(decimal Amount, DateTimeOffset? DueAt, InvoiceStatus Status = InvoiceStatus.Unpaid, Payer Payer = Payer.Person, long? ContractId = null, long? BookingId = null);
