using System.Text;
using Collections.Cobol.Codecs;

namespace Collections.Cobol.Tests.Codecs;

public sealed class ZonedDecimalTests
{
    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    [Theory]
    [InlineData("12{", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, 120)]
    [InlineData("12A", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, 121)]
    [InlineData("12I", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, 129)]
    [InlineData("12}", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, -120)]
    [InlineData("12J", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, -121)]
    [InlineData("12R", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, -129)]
    [InlineData("125", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, 125)]
    [InlineData("J23", SignPlacement.LeadingOverpunch, OverpunchStyle.AsciiEbcdicLetters, -123)]
    [InlineData("123", SignPlacement.TrailingOverpunch, OverpunchStyle.GnuCobolAscii, 123)]
    [InlineData("12s", SignPlacement.TrailingOverpunch, OverpunchStyle.GnuCobolAscii, -123)]
    [InlineData("12p", SignPlacement.TrailingOverpunch, OverpunchStyle.GnuCobolAscii, -120)]
    [InlineData("y00", SignPlacement.LeadingOverpunch, OverpunchStyle.GnuCobolAscii, -900)]
    [InlineData("-007", SignPlacement.LeadingSeparate, OverpunchStyle.GnuCobolAscii, -7)]
    [InlineData("007+", SignPlacement.TrailingSeparate, OverpunchStyle.AsciiEbcdicLetters, 7)]
    [InlineData("000", SignPlacement.Unsigned, OverpunchStyle.GnuCobolAscii, 0)]
    [InlineData("987", SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters, 987)]
    public void Decode_AsciiConventions_ReturnsValue(string text, SignPlacement sign, OverpunchStyle style, long expected)
    {
        var digits = text.Length - (sign is SignPlacement.LeadingSeparate or SignPlacement.TrailingSeparate ? 1 : 0);
        ZonedDecimal.Decode(Ascii(text), digits, sign, style).Should().Be(expected);
    }

    [Theory]
    [InlineData(new byte[] { 0xF1, 0xF2, 0xC3 }, SignPlacement.TrailingOverpunch, 123)]
    [InlineData(new byte[] { 0xF1, 0xF2, 0xD3 }, SignPlacement.TrailingOverpunch, -123)]
    [InlineData(new byte[] { 0xF1, 0xF2, 0xF3 }, SignPlacement.TrailingOverpunch, 123)]
    [InlineData(new byte[] { 0xD1, 0xF2, 0xF3 }, SignPlacement.LeadingOverpunch, -123)]
    [InlineData(new byte[] { 0x60, 0xF2, 0xF3 }, SignPlacement.LeadingSeparate, -23)]
    [InlineData(new byte[] { 0xF2, 0xF3, 0x4E }, SignPlacement.TrailingSeparate, 23)]
    [InlineData(new byte[] { 0xF0, 0xF0, 0xF9 }, SignPlacement.Unsigned, 9)]
    public void Decode_Ebcdic_ReturnsValue(byte[] field, SignPlacement sign, long expected)
    {
        var digits = field.Length - (sign is SignPlacement.LeadingSeparate or SignPlacement.TrailingSeparate ? 1 : 0);
        ZonedDecimal.Decode(field, digits, sign, OverpunchStyle.Ebcdic).Should().Be(expected);
    }

    [Theory]
    [InlineData("1 3", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, "non-digit byte 0x20 at position 1")]
    [InlineData("   ", SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters, "non-digit byte 0x20 at position 0")]
    [InlineData("12s", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, "invalid sign over-punch byte 0x73 at position 2")]
    [InlineData("12J", SignPlacement.TrailingOverpunch, OverpunchStyle.GnuCobolAscii, "invalid sign over-punch byte 0x4A at position 2")]
    [InlineData("12J", SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters, "non-digit byte 0x4A at position 2")]
    [InlineData("J23", SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters, "non-digit byte 0x4A at position 0")]
    [InlineData(" 123", SignPlacement.LeadingSeparate, OverpunchStyle.AsciiEbcdicLetters, "invalid separate sign byte 0x20 at position 0")]
    [InlineData("1-3+", SignPlacement.TrailingSeparate, OverpunchStyle.AsciiEbcdicLetters, "non-digit byte 0x2D at position 1")]
    public void Decode_InvalidAscii_ThrowsWithReasonAndHex(string text, SignPlacement sign, OverpunchStyle style, string reason)
    {
        var bytes = Ascii(text);
        var digits = text.Length - (sign is SignPlacement.LeadingSeparate or SignPlacement.TrailingSeparate ? 1 : 0);
        var act = () => ZonedDecimal.Decode(bytes, digits, sign, style);
        var ex = act.Should().Throw<CobolDataException>().Which;
        ex.Reason.Should().StartWith(reason);
        ex.RawHex.Should().Be(Convert.ToHexString(bytes));
        ex.Message.Should().Contain(ex.RawHex);
        ZonedDecimal.TryDecode(bytes, digits, sign, style, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData(new byte[] { 0xF1, 0xF2, 0xE3 })] // E zone on sign digit
    [InlineData(new byte[] { 0xF1, 0xC2, 0xC3 })] // sign zone on a non-sign digit
    [InlineData(new byte[] { 0xF1, 0xF2, 0xCA })] // digit nibble A
    [InlineData(new byte[] { 0x40, 0x40, 0x40 })] // EBCDIC spaces are not zero
    public void Decode_InvalidEbcdic_Throws(byte[] field)
    {
        var act = () => ZonedDecimal.Decode(field, 3, SignPlacement.TrailingOverpunch, OverpunchStyle.Ebcdic);
        act.Should().Throw<CobolDataException>().Which.RawHex.Should().Be(Convert.ToHexString(field));
    }

    [Fact]
    public void Decode_WrongLength_ThrowsArgumentException()
    {
        var act = () => ZonedDecimal.Decode(Ascii("1234"), 3, SignPlacement.TrailingOverpunch, OverpunchStyle.GnuCobolAscii);
        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(-120, "12}")]
    [InlineData(121, "12A")]
    [InlineData(0, "00{")]
    [InlineData(-9, "00R")]
    public void Encode_AsciiEbcdicLetters_WritesLetters(long value, string expected)
    {
        var buffer = new byte[3];
        ZonedDecimal.Encode(value, buffer, 3, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters);
        Encoding.ASCII.GetString(buffer).Should().Be(expected);
    }

    [Fact]
    public void Encode_Ebcdic_WritesCAndDZones()
    {
        var buffer = new byte[3];
        ZonedDecimal.Encode(-123, buffer, 3, SignPlacement.TrailingOverpunch, OverpunchStyle.Ebcdic);
        buffer.Should().Equal(0xF1, 0xF2, 0xD3);
        ZonedDecimal.Encode(123, buffer, 3, SignPlacement.TrailingOverpunch, OverpunchStyle.Ebcdic);
        buffer.Should().Equal(0xF1, 0xF2, 0xC3);
        ZonedDecimal.Encode(123, buffer, 3, SignPlacement.Unsigned, OverpunchStyle.Ebcdic);
        buffer.Should().Equal(0xF1, 0xF2, 0xF3);
        var sep = new byte[4];
        ZonedDecimal.Encode(-5, sep, 3, SignPlacement.LeadingSeparate, OverpunchStyle.Ebcdic);
        sep.Should().Equal(0x60, 0xF0, 0xF0, 0xF5);
    }

    [Theory]
    [InlineData(1000, 3, SignPlacement.TrailingOverpunch)]
    [InlineData(-1000, 3, SignPlacement.TrailingOverpunch)]
    [InlineData(-1, 3, SignPlacement.Unsigned)]
    public void Encode_DoesNotFit_ThrowsArgumentOutOfRange(long value, int digits, SignPlacement sign)
    {
        var act = () => ZonedDecimal.Encode(value, new byte[digits], digits, sign, OverpunchStyle.AsciiEbcdicLetters);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void RoundTrip_AllStylesAndPlacements_EighteenDigitExtremes()
    {
        long[] values = [0, 1, -1, 999_999_999_999_999_999, -999_999_999_999_999_999, 123_456_789_012_345_678, -40];
        foreach (var style in Enum.GetValues<OverpunchStyle>())
        foreach (var sign in Enum.GetValues<SignPlacement>())
        foreach (var v in values)
        {
            if (sign == SignPlacement.Unsigned && v < 0) continue;
            var buffer = new byte[ZonedDecimal.ByteLength(18, sign)];
            ZonedDecimal.Encode(v, buffer, 18, sign, style);
            ZonedDecimal.Decode(buffer, 18, sign, style).Should().Be(v, "{0} {1}", style, sign);
        }
    }

    [Fact]
    public void Int128_ThirtyEightDigits_RoundTrips()
    {
        var max = Int128.Parse("-99999999999999999999999999999999999999", System.Globalization.CultureInfo.InvariantCulture);
        var buffer = new byte[38];
        ZonedDecimal.Encode(max, buffer, 38, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters);
        Encoding.ASCII.GetString(buffer).Should().Be(new string('9', 37) + "R");
        ZonedDecimal.DecodeInt128(buffer, 38, SignPlacement.TrailingOverpunch, OverpunchStyle.AsciiEbcdicLetters).Should().Be(max);
    }

    /// <summary>The long decoder (eight digits at a time) and the Int128 decoder (one digit at a time) must agree on
    /// validity and value for every style, placement and length, on valid fields with one corrupted byte.</summary>
    [Fact]
    public void TryDecode_FastAndGenericPaths_AgreeOnCorruptedFields()
    {
        var rng = new Random(11);
        byte[] corruptions = [0x20, 0x40, 0x2F, 0x3A, 0xEF, 0xFA, 0xC5, 0xD5, 0x7B, 0x7D, 0x4A, 0x70, 0x79, 0x00, 0xFF, 0x39, 0xF9];
        foreach (var style in Enum.GetValues<OverpunchStyle>())
        foreach (var sign in Enum.GetValues<SignPlacement>())
        for (var digits = 1; digits <= 18; digits++)
        for (var k = 0; k < 40; k++)
        {
            var field = new byte[ZonedDecimal.ByteLength(digits, sign)];
            var limit = digits == 18 ? 999_999_999_999_999_999L : (long)Math.Pow(10, digits) - 1;
            var v = rng.NextInt64(0, limit + 1);
            if (sign != SignPlacement.Unsigned && rng.Next(2) == 0) v = -v;
            ZonedDecimal.Encode(v, field, digits, sign, style);
            if (k % 2 == 1) field[rng.Next(field.Length)] = corruptions[rng.Next(corruptions.Length)];
            var fast = ZonedDecimal.TryDecode(field, digits, sign, style, out var a);
            var slow = ZonedDecimal.TryDecodeInt128(field, digits, sign, style, out var b);
            fast.Should().Be(slow, "{0} {1} {2}", style, sign, Convert.ToHexString(field));
            if (fast) ((Int128)a).Should().Be(b);
            if (k % 2 == 0) a.Should().Be(v);
        }
    }

    [Fact]
    public void MoveUnsigned_RandomValuesEveryLength_SameAsMoveThenEncode()
    {
        var rnd = new Random(5);
        for (var i = 0; i < 2000; i++)
        {
            var v = i switch { 0 => long.MinValue, 1 => long.MaxValue, 2 => 0, 3 => -7, _ => rnd.NextInt64(long.MinValue, long.MaxValue) / (long)Math.Pow(10, rnd.Next(0, 19)) };
            for (var length = 1; length <= 18; length++)
            foreach (var style in new[] { OverpunchStyle.AsciiEbcdicLetters, OverpunchStyle.Ebcdic })
            {
                // MOVE to PIC 9(n): the low-order digits of the magnitude (CobolArithmetic.Move, cobc-verified), then the zoned encoding
                var moved = Collections.Cobol.Numerics.CobolArithmetic.Move(Collections.Cobol.Numerics.CobolDecimal.FromUnscaled((Int128)v, 0),
                    new Collections.Cobol.Numerics.NumericPic(length, 0, false)).ToUnscaledInt64(0);
                var expected = new byte[length];
                ZonedDecimal.Encode(moved, expected, length, SignPlacement.Unsigned, style);
                var got = new byte[length];
                got.AsSpan().Fill(0xEE);
                ZonedDecimal.MoveUnsigned(v, got, style);
                got.Should().Equal(expected, "{0} into {1} digits ({2})", v, length, style);
            }
        }
    }

    [Fact]
    public void MoveUnsigned_EmptyFieldOrBadStyle()
    {
        ZonedDecimal.MoveUnsigned(123, Span<byte>.Empty);
        var act = () => ZonedDecimal.MoveUnsigned(1, new byte[2], (OverpunchStyle)99);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
