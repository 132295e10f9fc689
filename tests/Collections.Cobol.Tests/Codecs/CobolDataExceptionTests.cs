using Collections.Cobol.Codecs;

namespace Collections.Cobol.Tests.Codecs;

public sealed class CobolDataExceptionTests
{
    [Fact]
    public void WithField_NamesFieldOffsetAndHex()
    {
        var ex = new CobolDataException("invalid sign nibble 0xA", [0x00, 0x12, 0x3A]).WithField("EL-FOREIGN-VALUE", 29);
        ex.FieldName.Should().Be("EL-FOREIGN-VALUE");
        ex.Offset.Should().Be(29);
        ex.RawHex.Should().Be("00123A");
        ex.Reason.Should().Be("invalid sign nibble 0xA");
        ex.Message.Should().Be("Invalid data in field EL-FOREIGN-VALUE at offset 29: invalid sign nibble 0xA (raw hex 00123A)");
        ex.InnerException.Should().BeOfType<CobolDataException>();
    }

    [Fact]
    public void Constructor_UnknownField_OffsetMinusOne()
    {
        var ex = new CobolDataException("non-digit byte 0x40 at position 0", [0x40]);
        ex.Offset.Should().Be(-1);
        ex.FieldName.Should().BeNull();
        ex.Should().BeAssignableTo<FormatException>();
    }
}
