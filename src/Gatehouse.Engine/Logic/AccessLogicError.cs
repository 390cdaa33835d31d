namespace Gatehouse.Engine.Logic;

/// <summary>One impossible value in an access logic: the setting's name (as in the model) and what is wrong.</summary>
public sealed record AccessLogicError(string Field, string Message);
