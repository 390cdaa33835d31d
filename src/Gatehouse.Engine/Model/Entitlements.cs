namespace Gatehouse.Engine.Model;

/// <summary>
/// Everything the engine may need to know about one person for one decision: a read-only snapshot that the
/// server's access index keeps per person and replaces on every write (copy-on-write), so a decision never
/// sees half an update and never waits on a database. Where the person is now is not part of it: it changes on
/// every entry and exit, so the directory keeps it apart (<see cref="Scanning.IAccessDirectory.FindPresence"/>).
/// </summary>
public sealed record Entitlements(Person Person)
{
    public IReadOnlyList<Contract> Contracts { get; init; } = [];

    public IReadOnlyList<EntranceProduct> Products { get; init; } = [];

    public IReadOnlyList<SubscriptionPause> Pauses { get; init; } = [];

    public IReadOnlyList<Invoice> Invoices { get; init; } = [];

    /// <summary>Point-of-sale balance; negative is money owed at the bar or shop (R-GYM-04).</summary>
    public decimal PosBalance { get; init; }

    /// <summary>Account balance; negative with a booking is a studio warning (R-STU-06).</summary>
    public decimal AccountBalance { get; init; }

    /// <summary>Bookings, any order; cancelled ones are ignored.</summary>
    public IReadOnlyList<Booking> Bookings { get; init; } = [];

    public IReadOnlyList<QuestionnaireResult> Questionnaires { get; init; } = [];

    public VisitorPass? Visitor { get; init; }

    public EmploymentTerms? Employment { get; init; }
}
