using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Records;

/// <summary>The legacy ports' field operations, each the toolkit's codec under a legacy name.</summary>
public class LegacyNumericTests
{
    [Theory]
    [InlineData(0L, "      0")]
    [InlineData(7L, "      7")]
    [InlineData(999L, "    999")]
    [InlineData(1000L, "  1,000")]
    [InlineData(123_456L, "123,456")]
    [InlineData(1_234_567L, "234,567")]   // MOVE keeps the low six digits
    [InlineData(-5L, "      5")]          // into an unsigned edited field: the magnitude
    public void EditCount_AsPicZzzZz9(long count, string text) => LegacyNumeric.EditCount(count).Should().Be(text);

    [Theory]
    [InlineData("0123", true, 123)]
    [InlineData("12 3", false, 0)]
    [InlineData("999999999", true, 999_999_999)]
    public void TryDigits_ClassTestAndValue(string text, bool numeric, int value)
    {
        LegacyNumeric.TryDigits(System.Text.Encoding.ASCII.GetBytes(text), out var v).Should().Be(numeric);
        if (numeric) v.Should().Be(value);
    }

    [Theory]
    [InlineData(12345L, 3, "345")]
    [InlineData(-12345L, 7, "0012345")]
    [InlineData(0L, 4, "0000")]
    public void PutDigits_MoveToPic9KeepsTheLowOrderDigits(long value, int length, string expected)
    {
        var field = new byte[length];
        LegacyNumeric.PutDigits(field, value);
        System.Text.Encoding.ASCII.GetString(field).Should().Be(expected);
    }

    [Fact]
    public void DigitsAndPacked_InvalidField_NamedInTheError()
    {
        var record = System.Text.Encoding.ASCII.GetBytes("AB12X4");
        var digits = () => LegacyNumeric.Digits(record, 2, 3, "XX-COUNT");
        digits.Should().Throw<Collections.Cobol.Codecs.CobolDataException>().Which.FieldName.Should().Be("XX-COUNT");
        LegacyNumeric.Digits(record, 2, 2, "XX-COUNT").Should().Be(12);
        byte[] packed = [0x00, 0x12, 0x3C, 0x12, 0x3A];
        LegacyNumeric.Packed(packed, 0, 5, "XX-AMT").Should().Be(123);
        var bad = () => LegacyNumeric.Packed(packed, 2, 3, "XX-AMT");
        var e = bad.Should().Throw<Collections.Cobol.Codecs.CobolDataException>().Which;
        e.FieldName.Should().Be("XX-AMT");
        e.Offset.Should().Be(2);
        LegacyNumeric.Wrap(1_234_567, 3).Should().Be(567);
        LegacyNumeric.Hex([0xAB, 0x01]).Should().Be("AB01");
    }
}
