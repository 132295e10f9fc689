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

/// <summary>The long fast paths hand over to Int128 exactly where a long would overflow.</summary>
public class LegacyStoreBoundaryTests
{
    private static readonly NumericPic Amount = new(13, 2, true), Whole = new(11, 0, true), Wide = new(18, 2, true);

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    public void TryMultiply_ProductsAroundLongOverflow_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        foreach (var rate in new long[] { 9_999_999, 9_999_999_999, 3, 1_000_000 })
        {
            var edge = long.MaxValue / rate;
            foreach (var a in new[] { edge - 1, edge, edge + 1, -edge, -edge - 1, 99_999_999_999_99, -99_999_999_999_99 })
            foreach (var pic in new[] { Amount, Wide })
            {
                var expected = CobolArithmetic.Store(CobolDecimal.FromUnscaled(a, 2) * CobolDecimal.FromUnscaled(rate, 6), pic, mode, onSizeError: true);
                LegacyStore.TryMultiply(a, 2, rate, 6, pic, mode, out var got).Should().Be(!expected.SizeError, $"{a} x {rate}");
                if (!expected.SizeError) got.Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{a} x {rate}");
            }
        }
    }

    [Theory]
    [InlineData(CobolRoundingMode.Truncation)]
    [InlineData(CobolRoundingMode.NearestAwayFromZero)]
    public void TryDivide_DividendsAroundLongOverflow_SameAsCobolArithmetic(CobolRoundingMode mode)
    {
        var edge = long.MaxValue / 1_000_000;   // a × 10^6 no longer fits a long above this
        foreach (var a in new[] { edge - 1, edge, edge + 1, -edge - 1, 99_999_999_999_99, 1, -1 })
        foreach (var rate in new long[] { 1, 1_000_000, 999_999_999_999, 3 })
        foreach (var pic in new[] { Whole, Wide })
        {
            var expected = CobolArithmetic.Store(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(a, 2), CobolDecimal.FromUnscaled(rate, 6)), pic, mode, onSizeError: true);
            LegacyStore.TryDivide(a, 2, rate, 6, pic, mode, out var got).Should().Be(!expected.SizeError, $"{a} / {rate}");
            if (!expected.SizeError) got.Should().Be(expected.Value.ToUnscaledInt64(pic.Scale), $"{a} / {rate}");
        }
    }
}
