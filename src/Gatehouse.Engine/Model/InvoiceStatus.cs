namespace Gatehouse.Engine.Model;

/// <summary>Payment state of an invoice.</summary>
public enum InvoiceStatus
{
    Unpaid,

    /// <summary>The payment is being processed; counts as debt unless the logic allows payment in progress (R-GYM-03).</summary>
    PaymentInProgress,
    Paid,

    /// <summary>Cancelled: the contract it paid for is reverted.</summary>
    Cancelled,
}
