namespace Gatehouse.Server.Logics;

/// <summary>A named starting point for a new access logic.</summary>
public sealed record PresetDto(string Key, string Name, string Description);
