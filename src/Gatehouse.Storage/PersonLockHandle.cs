namespace Gatehouse.Storage;

/// <summary>A held person lock; dispose to release (use with <c>using</c>).</summary>
public readonly struct PersonLockHandle : IDisposable, IEquatable<PersonLockHandle>
{
    private readonly SemaphoreSlim? _stripe;

    internal PersonLockHandle(SemaphoreSlim stripe) => _stripe = stripe;

    public void Dispose() => _stripe?.Release();

    public bool Equals(PersonLockHandle other) => ReferenceEquals(_stripe, other._stripe);

    public override bool Equals(object? obj) => obj is PersonLockHandle other && Equals(other);

    public override int GetHashCode() => _stripe?.GetHashCode() ?? 0;

    public static bool operator ==(PersonLockHandle left, PersonLockHandle right) => left.Equals(right);

    public static bool operator !=(PersonLockHandle left, PersonLockHandle right) => !left.Equals(right);
}
