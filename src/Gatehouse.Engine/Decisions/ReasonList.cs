using System.Runtime.CompilerServices;

namespace Gatehouse.Engine.Decisions;

/// <summary>
/// The reason codes of one decision, in the order the checks ran, stored inline (no allocation on the scan path).
/// Holds up to <see cref="Capacity"/> codes; more than that many failed checks on one scan is not a real case,
/// and the extra codes are dropped rather than failing the decision.
/// </summary>
public struct ReasonList
{
    public const int Capacity = 16;

    private Buffer _codes;
    private byte _count;

    public readonly int Count => _count;

    public readonly ReasonCode this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _codes[index];
        }
    }

    public readonly bool HasDenial
    {
        get
        {
            for (var i = 0; i < _count; i++)
            {
                if (!_codes[i].IsWarning())
                {
                    return true;
                }
            }

            return false;
        }
    }

    public readonly bool Contains(ReasonCode code)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_codes[i] == code)
            {
                return true;
            }
        }

        return false;
    }

    public void Add(ReasonCode code)
    {
        if (_count < Capacity && !Contains(code))
        {
            _codes[_count++] = code;
        }
    }

    public readonly ReasonCode[] ToArray()
    {
        var result = new ReasonCode[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = _codes[i];
        }

        return result;
    }

    [InlineArray(Capacity)]
    private struct Buffer
    {
        private ReasonCode _first;
    }
}
