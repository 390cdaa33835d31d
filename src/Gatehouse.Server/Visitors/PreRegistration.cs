namespace Gatehouse.Server.Visitors;

/// <summary>
/// The body of <c>POST /api/v1/visitors</c> (R-VIS-01): who comes, to whom, where and when, in which category.
/// <see cref="ExternalId"/> is the visitor management system's id; a known one reuses the visitor's profile.
/// </summary>
public sealed record PreRegistration(
    string FirstName,
    string LastName,
    long SiteId,
    DateTimeOffset MeetingFrom,
    DateTimeOffset MeetingUntil,
    string Category,
    string? Host = null,
    string? Email = null,
    string? ExternalId = null,
    bool SendInvitation = true);
