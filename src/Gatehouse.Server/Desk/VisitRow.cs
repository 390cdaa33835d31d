using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>One line of a visit list or report: the stored entry with the names staff read, times in the site's zone.</summary>
public sealed record VisitRow(AccessEvent Entry, DateTime LocalTime, string Person, string Device, string Site, string Zone);
