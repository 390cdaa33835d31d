using System.Diagnostics;

namespace Gatehouse.LoadTest;

/// <summary>
/// The scans both drivers send (scan.lua is the same mix in Lua): members come and go. Each scan is of a member not
/// scanned within the gates' double-scan lock (<see cref="LoadOptions.DoubleEntrySeconds"/>, plus a second) if one
/// turns up in 20 draws, since at 10,000 scans/s over 100,000 members each comes round every 10 s (a day of visits
/// pressed into seconds). A member inside leaves by an exit gate and one outside comes in by an entry gate, but 5%
/// of gate scans are at the wrong one (an anti-passback or a not-present denial); 15% of scans are at single
/// readers, which toggle presence; 3% are unknown cards; 2% repeat the worker's last scan at once (a member tapping
/// twice: the double-scan lock); members with an expired contract (<see cref="LoadSeed.Expired"/>) are refused. Who
/// is inside is learnt from each answer's actions. Without this (random members at random gates) the club filled up
/// and the share of grants fell with the length of the run. The state is shared by all workers without locks: a
/// race only makes one scan less typical.
/// </summary>
public sealed class VisitMix(int people, int cardsPerPerson, long[] devices, int doubleEntrySeconds)
{
    private readonly bool[] _inside = new bool[people + 1];
    private readonly long[] _lastScan = new long[people + 1];
    private readonly int _rescanSeconds = doubleEntrySeconds + 1;

    /// <summary>The next scan of a worker whose last scan was <paramref name="previous"/>.</summary>
    public VisitScan Next(Random random, VisitScan? previous)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (previous is not null && random.Next(100) < 2)
        {
            return previous;
        }

        var now = Stopwatch.GetTimestamp();
        var person = random.Next(1, people + 1);
        for (var tries = 0; tries < 20 && _lastScan[person] != 0 && Stopwatch.GetElapsedTime(_lastScan[person], now).TotalSeconds < _rescanSeconds; tries++)
        {
            person = random.Next(1, people + 1);
        }

        _lastScan[person] = now;
        var credential = random.Next(100) < 3 ? "NOPE-" + person : LoadSeed.Card(person, random.Next(cardsPerPerson));
        var device = random.Next(100) < 15 ? devices[LoadSeed.EntryGates + LoadSeed.ExitGates + random.Next(LoadSeed.Readers)]
            : _inside[person] != random.Next(100) < 5 ? devices[LoadSeed.EntryGates + random.Next(LoadSeed.ExitGates)]
            : devices[random.Next(LoadSeed.EntryGates)];
        return new VisitScan(device, credential, person);
    }

    /// <summary>Follows the member from the answer: presence added or removed.</summary>
    public void Observe(int person, string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Contains("\"AddPresence\"", StringComparison.Ordinal))
        {
            _inside[person] = true;
        }
        else if (answer.Contains("\"RemovePresence\"", StringComparison.Ordinal))
        {
            _inside[person] = false;
        }
    }
}
