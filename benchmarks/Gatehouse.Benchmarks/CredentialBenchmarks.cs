using BenchmarkDotNet.Attributes;
using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Model;

namespace Gatehouse.Benchmarks;

/// <summary>The cryptographic part of a QR scan on its own, to show how much of a QR decision it accounts for.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CredentialBenchmarks
{
    private readonly byte[] _key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private readonly byte[] _secret = BenchmarkWorld.SecretOf(543_210);
    private string _staticQr = string.Empty;
    private string _code = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _staticQr = StaticQrCode.Issue(_key, "C00654321", new SiteId(1), BenchmarkWorld.At);
        _code = Totp.Generate(_secret, BenchmarkWorld.At);
    }

    [Benchmark(Description = "Static QR: parse and verify HMAC-SHA256")]
    public StaticQrStatus VerifyStaticQr() => StaticQrCode.Verify(_key, _staticQr, out _);

    [Benchmark(Description = "TOTP: verify a current code (HMAC-SHA1)")]
    public bool VerifyTotp() => Totp.Verify(_secret, _code, BenchmarkWorld.At);
}
