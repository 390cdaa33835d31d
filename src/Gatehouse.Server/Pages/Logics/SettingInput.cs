namespace Gatehouse.Server.Pages.Logics;

/// <summary>A setting with the value to show: what the user typed when it did not bind, else the logic's value.</summary>
public sealed record SettingInput(LogicField Field, object? Value, string? Attempted, IReadOnlyList<string> Errors);
