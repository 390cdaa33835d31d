namespace Gatehouse.Storage;

/// <summary>A person's point-of-sale and account balances; negative is money owed (R-GYM-04, R-STU-06).</summary>
public readonly record struct Balances(decimal Pos, decimal Account);
