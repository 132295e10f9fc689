using Collections.Cobol.Numerics;
using Collections.Domain.LineDuties;
using Collections.Domain.Values;

namespace Collections.Domain.Tests.LineDuties;

/// <summary>The Int128 fast paths give exactly what <see cref="CobolArithmetic"/> (GnuCOBOL semantics) gives.</summary>
public class LegacyStoreTests
{
    private static readonly NumericPic Amount = new(13, 2, true), Whole = new(11, 0, true), RawMpf = new(14, 5, true);

    private static IEnumerable<long> Values(Random rnd, long max)
    {
        foreach (var v in new long[] { 0, 1, 49, 50, 51, 99, 100, 149, 150, max, -1, -50, -max }) yield return v;
        for (int i = 0; i < 3000; i++) yield return rnd.NextInt64(-max, max + 1) / (i % 3 == 0 ? 1 : rnd.NextInt64(1, 1_000_000));
    }

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    [InlineData(CobolRoundingMode.NearestEven)]
    public void TryMultiply_RandomOperands_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        var rnd = new Random(1234);
        foreach (var a in Values(rnd, 99_999_999_999_99))
        foreach (var pic in new[] { Amount, RawMpf })
        {
            long rate = rnd.NextInt64(0, 10_000_000_000);
            var expected = CobolArithmetic.Store(CobolDecimal.FromUnscaled(a, 2) * CobolDecimal.FromUnscaled(rate, 6), pic, mode, onSizeError: true);
            var ok = LegacyStore.TryMultiply(a, 2, rate, 6, pic, mode, out var got);
            ok.Should().Be(!expected.SizeError, $"{a} x {rate}");
            if (ok) got.Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{a} x {rate}");
        }
    }

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    public void TryDivide_RandomOperands_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        var rnd = new Random(99);
        foreach (var a in Values(rnd, 99_999_999_999_99))
        {
            long rate = rnd.Next(4) switch { 0 => 1_000_000, 1 => rnd.NextInt64(1, 1000), 2 => 2_000_000, _ => rnd.NextInt64(1, 1_000_000_000_000) };
            var expected = CobolArithmetic.Store(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(a, 2), CobolDecimal.FromUnscaled(rate, 6)), Whole, mode, onSizeError: true);
            var ok = LegacyStore.TryDivide(a, 2, rate, 6, Whole, mode, out var got);
            ok.Should().Be(!expected.SizeError, $"{a} / {rate}");
            if (ok) got.Should().Be(expected.Value.ToUnscaledInt64(0), $"{a} / {rate}");
        }
    }

    [Fact]
    public void Variance_FastPath_SameAsCobolArithmetic()
    {
        var rnd = new Random(7);
        var pic = new NumericPic(5, 2, true);
        for (int i = 0; i < 5000; i++)
        {
            long q = rnd.NextInt64(1, 1_000_000_000_000), d = i % 2 == 0 ? rnd.NextInt64(1, 1_000_000_000_000) : Math.Clamp(q + rnd.NextInt64(-q / 10, q / 10 + 1), 1, 999_999_999_999);
            foreach (var mode in new[] { CobolRoundingMode.Truncation, CobolRoundingMode.NearestAwayFromZero })
            {
                var dq = CobolDecimal.FromUnscaled(d, 6);
                var qq = CobolDecimal.FromUnscaled(q, 6);
                var expected = CobolArithmetic.Store(CobolArithmetic.Divide((dq - qq) * CobolDecimal.FromInt64(100), qq), pic, mode).Value;
                ExchangeRateSelector.Variance(ExchangeRate.FromMillionths(d), ExchangeRate.FromMillionths(q), mode).Should().Be(expected, $"{d} vs {q}");
            }
        }
    }
}
