namespace Gatehouse.Storage;

/// <summary>A <see cref="StoreResult"/> that carries the stored value (with its assigned id) on success.</summary>
public readonly record struct StoreResult<T>(T? Value, StoreError Error = StoreError.None, string? Message = null)
{
    public bool IsOk => Error == StoreError.None;

    public static implicit operator StoreResult<T>(T value) => new(value);

    public static implicit operator StoreResult<T>(StoreResult failure) => new(default, failure.Error, failure.Message);

    public StoreResult ToResult() => new(Error, Message);
}
