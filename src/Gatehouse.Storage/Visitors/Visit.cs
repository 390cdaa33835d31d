using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>
/// One pre-registered visit (R-VIS-01). The access side (person, pass, credential) lives in the main store; this row
/// keeps what the visitor flow needs beyond it: host, external visitor id, token number, the invitation mail file, and
/// when the check-out follow-up ran. <see cref="ErasedAt"/> set means the personal columns were cleared (R-VIS-10).
/// </summary>
public sealed record Visit(
    VisitId Id,
    OrganizationId Organization,
    PersonId Person,
    SiteId Site,
    string Category,
    TimeWindow Meeting,
    DateOnly VisitDate,
    string? Host,
    string? ExternalId,
    string? TokenNumber,
    CredentialId? Credential,
    DateTimeOffset CreatedAt,
    string? MailFile = null,
    DateTimeOffset? CheckOutHandledAt = null,
    DateTimeOffset? ErasedAt = null);
