namespace Gatehouse.Server.Visitors;

/// <summary>
/// A visit as the API shows it. <see cref="QrCode"/> is the signed text the invitation's QR image encodes (what a
/// reader sends as the credential); it is null once the credential was removed or the visitor erased.
/// </summary>
public sealed record VisitorDto(
    long Id,
    long PersonId,
    string? FirstName,
    string? LastName,
    string? Email,
    string? ExternalId,
    string? Host,
    long SiteId,
    string Category,
    DateTimeOffset MeetingFrom,
    DateTimeOffset MeetingUntil,
    DateOnly VisitDate,
    string? TokenNumber,
    string? QrCode,
    string InvitationImage,
    string? MailFile,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    DateTimeOffset? ErasedAt,
    IReadOnlyList<VisitorCardDto> Credentials,
    IReadOnlyList<VisitorJobDto> Jobs);
