namespace Gatehouse.Server.Visitors;

/// <summary>A physical card or token the front desk hands to a visitor (R-VIS-07): its number as the reader reads it.</summary>
public sealed record AddCardRequest(string Number);
