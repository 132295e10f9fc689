using Collections.Parity.Generation;

namespace Collections.Parity.Tests.Generation;

public sealed class PrngTests
{
    [Fact]
    public void SplitMix64_PublishedReferenceValues()
    {
        // reference outputs of SplitMix64 (Vigna) for state 0: first two values
        ulong state = 0;
        Prng.SplitMix64(ref state).Should().Be(0xE220A8397B1DCDAFUL);
        Prng.SplitMix64(ref state).Should().Be(0x6E789E6AA1B965F4UL);
    }

    [Fact]
    public void NextUInt64_SameSeed_SameSequence()
    {
        var a = new Prng(42);
        var b = new Prng(42);
        for (var i = 0; i < 1000; i++) a.NextUInt64().Should().Be(b.NextUInt64());
    }

    [Fact]
    public void Below_StaysInRangeAndReachesEveryValue()
    {
        var r = new Prng(7);
        var seen = new int[10];
        for (var i = 0; i < 10_000; i++) seen[r.Below(10)]++;
        seen.Should().OnlyContain(n => n > 800 && n < 1200);
    }

    [Fact]
    public void LogUniform_WithinBounds()
    {
        var r = new Prng(9);
        for (var i = 0; i < 10_000; i++) r.LogUniform(1, 3_000_000).Should().BeInRange(1, 3_000_000);
    }
}
