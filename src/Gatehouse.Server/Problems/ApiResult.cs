namespace Gatehouse.Server.Problems;

/// <summary>A value or the expected error that prevented it.</summary>
public readonly record struct ApiResult<T>(T? Value, ApiError? Error)
{
    public static implicit operator ApiResult<T>(T value) => new(value, null);

    public static implicit operator ApiResult<T>(ApiError error) => new(default, error);
}
