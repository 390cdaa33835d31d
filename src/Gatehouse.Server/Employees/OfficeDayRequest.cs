namespace Gatehouse.Server.Employees;

/// <summary>An office day booked at a site (R-EMP-04): the whole local day of <see cref="Date"/>.</summary>
public sealed record OfficeDayRequest(long SiteId, DateOnly Date);
