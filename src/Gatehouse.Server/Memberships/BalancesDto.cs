namespace Gatehouse.Server.Memberships;

/// <summary>Point-of-sale and account balances; negative is owed (R-GYM-04, R-STU-06).</summary>
public sealed record BalancesDto(decimal Pos, decimal Account);
