using System.Text;
using Collections.Cobol.Numerics;

namespace Collections.Cobol.Tests.Numerics;

public class PackedNumberTests
{
    private static readonly NumericPic Amount = new(13, 2, true);

    [Fact]
    public void FromBytes_KeepsEveryByte()
    {
        var raw = Convert.FromHexString("0102030405A6BE");
        PackedNumber.FromBytes(raw, Amount).ToArray().Should().Equal(raw);
    }

    [Fact]
    public void FromBytes_WrongLength_Throws() =>
        FluentActions.Invoking(() => PackedNumber.FromBytes(new byte[6], Amount)).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData(0L, "0000000000000C")]
    [InlineData(12345L, "0000000012345C")]
    [InlineData(-12345L, "0000000012345D")]
    [InlineData(9_999_999_999_999L, "9999999999999C")]
    public void FromUnscaled_EncodesAsLibcob(long unscaled, string hex) =>
        Convert.ToHexString(PackedNumber.FromUnscaled(unscaled, Amount).ToArray()).Should().Be(hex);

    [Fact]
    public void FromUnscaled_TooLarge_Throws() =>
        FluentActions.Invoking(() => PackedNumber.FromUnscaled(10_000_000_000_000L, Amount)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Zero_SignCForSignedFForUnsigned()
    {
        Convert.ToHexString(PackedNumber.Zero(Amount).ToArray()).Should().Be("0000000000000C");
        Convert.ToHexString(PackedNumber.Zero(new NumericPic(7, 0, false)).ToArray()).Should().Be("0000000F");
        Convert.ToHexString(PackedNumber.Zero(new NumericPic(4, 0, true)).ToArray()).Should().Be("00000C");
    }

    [Theory]
    [InlineData("123.456", "0000000012345C")]        // fraction digits truncated
    [InlineData("-123.456", "0000000012345D")]
    [InlineData("123456789012.34", "2345678901234C")]  // high-order digit dropped
    [InlineData("-100000000000.00", "0000000000000D")] // negative zero left by high-order truncation
    [InlineData("-0.001", "0000000000000C")]           // truncated to zero: positive
    public void Store_TruncatesAtBothEnds(string value, string hex) =>
        Convert.ToHexString(PackedNumber.Store(CobolDecimal.Parse(value), Amount).ToArray()).Should().Be(hex.Replace(" ", "", StringComparison.Ordinal));

    [Fact]
    public void Store_Unsigned_KeepsTheMagnitude() =>
        Convert.ToHexString(PackedNumber.Store(-42, new NumericPic(7, 0, false)).ToArray()).Should().Be("0000042F");

    [Fact]
    public void NegativeZero_FromUnscaled()
    {
        var z = PackedNumber.FromUnscaled(0, Amount, negativeZero: true);
        Convert.ToHexString(z.ToArray()).Should().Be("0000000000000D");
        z.SignNibble.Should().Be(0x0D);
        z.CompareToZero().Should().Be(0);
        z.IsNumeric.Should().BeTrue();
        PackedNumber.FromUnscaled(5, Amount, negativeZero: true).SignNibble.Should().Be(0x0C);
    }

    [Fact]
    public void IsNumeric_AndValue_OfDamagedBytes()
    {
        var p = PackedNumber.FromBytes(Convert.FromHexString("000000000012AC"), Amount);
        p.IsNumeric.Should().BeFalse();
        p.Unscaled.Should().Be(130);
        p.Value.Should().Be(CobolDecimal.Parse("1.30"));
        p.CompareToZero().Should().Be(1);
        p.ToString().Should().Be("1.30 (X'000000000012AC')");
        PackedNumber.FromUnscaled(-5, Amount).ToString().Should().Be("-0.05");
    }

    [Fact]
    public void Compare_UsesTheLenientValues()
    {
        var a = PackedNumber.FromBytes(Convert.FromHexString("000000000010AC"), Amount);   // 1.00 + 0.10 (nibble A) = 1.10
        PackedNumber.Compare(a, PackedNumber.FromUnscaled(110, Amount)).Should().Be(0);
        PackedNumber.Compare(a, PackedNumber.FromUnscaled(111, Amount)).Should().BeNegative();
        PackedNumber.Compare(PackedNumber.FromUnscaled(-1, Amount), a).Should().BeNegative();
    }

    [Fact]
    public void Equality_IsByteEquality()
    {
        var plus = PackedNumber.FromUnscaled(0, Amount);
        var minus = PackedNumber.FromUnscaled(0, Amount, negativeZero: true);
        (plus == minus).Should().BeFalse();
        (plus != minus).Should().BeTrue();
        plus.Equals(PackedNumber.Zero(Amount)).Should().BeTrue();
        plus.GetHashCode().Should().Be(PackedNumber.Zero(Amount).GetHashCode());
        plus.Equals((object)minus).Should().BeFalse();
    }
}

public class DisplayNumberTests
{
    private static DisplayNumber D(string s) => DisplayNumber.FromBytes(Encoding.Latin1.GetBytes(s));

    [Theory]
    [InlineData(20260303L, 8, "20260303")]
    [InlineData(5L, 5, "00005")]
    [InlineData(123456L, 5, "23456")]     // high-order digits lost
    [InlineData(-42L, 3, "042")]          // sign dropped
    public void FromValue_LowOrderDigits(long value, int length, string expected) =>
        Encoding.Latin1.GetString(DisplayNumber.FromValue(value, length).ToArray()).Should().Be(expected);

    [Fact]
    public void CompareTo_IsByteOrder()
    {
        (D("20260302") < D("20260303")).Should().BeTrue();
        (D("2026030A") > D("20260309")).Should().BeTrue();     // 'A' after '9' as bytes
        (D("        ") < D("00000000")).Should().BeTrue();
        (D("20260303") <= D("20260303")).Should().BeTrue();
        (D("20260303") >= D("20260303")).Should().BeTrue();
        FluentActions.Invoking(() => D("1").CompareTo(D("12"))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void IsNumeric_AndToString()
    {
        D("20260303").IsNumeric.Should().BeTrue();
        D("2026030 ").IsNumeric.Should().BeFalse();
        D("2026030 ").ToString().Should().Be("X'3230323630333020'");
        D("00123").ToString().Should().Be("00123");
    }

    [Fact]
    public void GetInt_AndValue_AreLibcobsReadings()
    {
        D(" 0001").GetInt().Should().Be(-159999);
        D(" 0001").Value.Should().Be(CobolDecimal.FromInt64(1));
        D("\u00FF0000").Value.Should().Be(CobolDecimal.FromInt64(100000));
    }

    [Fact]
    public void AddInt_ZeroKeepsTheBytes_OtherwiseStoresTheSum()
    {
        D("  1A ").AddInt(0).Should().Be(D("  1A "));
        Encoding.Latin1.GetString(D("00099").AddInt(3).ToArray()).Should().Be("00102");
        Encoding.Latin1.GetString(D("99999").AddInt(1).ToArray()).Should().Be("00000");
        Encoding.Latin1.GetString(D("00002").AddInt(-5).ToArray()).Should().Be("00003");
    }

    [Fact]
    public void Equality()
    {
        D("123").Equals(D("123")).Should().BeTrue();
        (D("123") == D("124")).Should().BeFalse();
        (D("123") != D("124")).Should().BeTrue();
        D("123").Equals((object)D("123")).Should().BeTrue();
        D("123").GetHashCode().Should().Be(D("123").GetHashCode());
        D("123").Length.Should().Be(3);
    }
}
