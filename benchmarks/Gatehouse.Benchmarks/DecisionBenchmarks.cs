using BenchmarkDotNet.Attributes;
using Gatehouse.Engine;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Scanning;

namespace Gatehouse.Benchmarks;

/// <summary>
/// One decision per call among a million people and two million credentials. Each benchmark asserts its outcome in
/// setup, so a green number is never the speed of an unexpected denial.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DecisionBenchmarks
{
    private BenchmarkDirectory _directory = null!;
    private Scan _gymCard;
    private Scan _studioApp;
    private Scan _officeQr;
    private Scan _deniedCard;

    [GlobalSetup]
    public void Setup()
    {
        _directory = BenchmarkWorld.Build();
        _gymCard = new Scan(BenchmarkWorld.GymGate, BenchmarkWorld.Card(654_321), BenchmarkWorld.At);
        _studioApp = new Scan(BenchmarkWorld.StudioDoor, BenchmarkWorld.Token(765_432), BenchmarkWorld.At, Position: BenchmarkWorld.StudioPosition);
        _officeQr = new Scan(BenchmarkWorld.OfficeDoor, BenchmarkWorld.RotatingQr(543_210), BenchmarkWorld.At);
        _deniedCard = new Scan(BenchmarkWorld.GymGate, BenchmarkWorld.Card(876_547), BenchmarkWorld.At);
        Require(_gymCard, Outcome.Granted);
        Require(_studioApp, Outcome.Granted);
        Require(_officeQr, Outcome.Granted);
        Require(_deniedCard, Outcome.Denied);
    }

    [Benchmark(Baseline = true, Description = "Gym entry gate, card, granted")]
    public Decision GymEntryGateCard() => Gatekeeper.Decide(in _gymCard, _directory);

    [Benchmark(Description = "Studio automatic door, app + geofence, granted")]
    public Decision StudioAutomaticDoor() => Gatekeeper.Decide(in _studioApp, _directory);

    [Benchmark(Description = "Office employee door, rotating QR, granted")]
    public Decision OfficeEmployeeRotatingQr() => Gatekeeper.Decide(in _officeQr, _directory);

    [Benchmark(Description = "Gym entry gate, card, denied (expired contract)")]
    public Decision GymEntryGateDenied() => Gatekeeper.Decide(in _deniedCard, _directory);

    private void Require(Scan scan, Outcome expected)
    {
        var decision = Gatekeeper.Decide(in scan, _directory);
        if (decision.Outcome != expected)
        {
            throw new InvalidOperationException($"Benchmark data is wrong: {scan.Credential} was {decision.Outcome} ({string.Join(", ", decision.Reasons.ToArray())}), expected {expected}.");
        }
    }
}
