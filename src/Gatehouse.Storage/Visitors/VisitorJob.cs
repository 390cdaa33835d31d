using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>
/// A timed rule waiting in the database (so a restart loses nothing). <see cref="DoneAt"/> is the done marker;
/// <see cref="Attempts"/> counts claims, so tests and operators can see that a job acted once.
/// </summary>
public sealed record VisitorJob(
    VisitorJobId Id,
    OrganizationId Organization,
    VisitId Visit,
    PersonId Person,
    VisitorJobKind Kind,
    DateTimeOffset DueAt,
    int Attempts = 0,
    DateTimeOffset? DoneAt = null,
    string? Outcome = null);
