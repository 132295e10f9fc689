using Collections.Cobol.Numerics;
using Collections.Domain.LineDuties;
using Collections.Domain.Values;

namespace Collections.Domain.Tests.LineDuties;

/// <summary>
/// CLV100's stores are the toolkit's fast paths (tested against <see cref="CobolArithmetic.Store(CobolDecimal, NumericPic,
/// CobolRoundingMode, bool)"/> in Collections.Cobol.Tests, CobolArithmeticInt64Tests); here: that each passes its operands
/// through in order, with the size error, and the exchange-rate variance fast path.
/// </summary>
public class LegacyStoreTests
{
    private static readonly NumericPic Amount = new(13, 2, true), Whole = new(11, 0, true);

    [Theory]
    [InlineData(12_345_67L, 2, 1_234_567L, 6, CobolRoundingMode.Truncation)]
    [InlineData(12_345_67L, 2, 1_234_567L, 6, CobolRoundingMode.NearestAwayFromZero)]
    [InlineData(-99_999_999_999_99L, 2, 9_999_999L, 6, CobolRoundingMode.NearestEven)]
    [InlineData(5L, 0, 3L, 1, CobolRoundingMode.Truncation)]
    public void TryMultiply_SameAsCobolStore(long a, int aScale, long b, int bScale, CobolRoundingMode mode)
    {
        var expected = CobolArithmetic.Store(CobolDecimal.FromUnscaled(a, aScale) * CobolDecimal.FromUnscaled(b, bScale), Amount, mode, onSizeError: true);
        LegacyStore.TryMultiply(a, aScale, b, bScale, Amount, mode, out var got).Should().Be(!expected.SizeError);
        got.Should().Be(expected.SizeError ? 0 : expected.Value.ToUnscaledInt64(2));
    }

    [Theory]
    [InlineData(12_345_67L, 2, 1_234_567L, 6, CobolRoundingMode.Truncation)]
    [InlineData(12_345_67L, 2, 7L, 6, CobolRoundingMode.NearestAwayFromZero)]
    [InlineData(1L, 2, 3L, 0, CobolRoundingMode.NearestAwayFromZero)]
    [InlineData(99_999_999_999_99L, 2, 1L, 6, CobolRoundingMode.Truncation)]
    public void TryDivide_SameAsCobolStore(long a, int aScale, long b, int bScale, CobolRoundingMode mode)
    {
        var expected = CobolArithmetic.Store(CobolArithmetic.Divide(CobolDecimal.FromUnscaled(a, aScale), CobolDecimal.FromUnscaled(b, bScale)), Whole, mode, onSizeError: true);
        LegacyStore.TryDivide(a, aScale, b, bScale, Whole, mode, out var got).Should().Be(!expected.SizeError);
        got.Should().Be(expected.SizeError ? 0 : expected.Value.ToUnscaledInt64(0));
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
