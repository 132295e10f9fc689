using Collections.Domain.Values;

namespace Collections.Domain.Tests.Values;

public sealed class FixedTextTests
{
    private static byte[] B(string s) => System.Text.Encoding.Latin1.GetBytes(s);

    [Theory]
    [InlineData("KG ", "KG ", true)]
    [InlineData("KG ", "KG", false)]
    [InlineData("KG ", "kg ", false)]
    [InlineData("", "", true)]
    [InlineData("\u00e9A", "\u00e9A", true)]
    public void Equal_TextAndBytes_ByteForByte(string text, string bytes, bool equal) =>
        FixedText.Equal(text, B(bytes)).Should().Be(equal);

    [Fact]
    public void Equal_CharAboveLatin1_NeverEqual() => FixedText.Equal("\u0130", [0x30]).Should().BeFalse();

    [Fact]
    public void Key2_BytesAndText_SameKeyDistinctCodes()
    {
        FixedText.Key2(B("CN")).Should().Be(FixedText.Key2("CN")!.Value);
        FixedText.Key2(B("CN")).Should().NotBe(FixedText.Key2(B("NC")));
        FixedText.Key2("C").Should().BeNull();
        FixedText.Key2("C\u0130").Should().BeNull();
    }

    [Fact]
    public void Key10_EveryByteCounts()
    {
        var a = B("9903880100");
        var key = Key10.Of(a);
        Key10.Of("9903880100").Should().Be(key);
        for (var i = 0; i < 10; i++)
        {
            var b = (byte[])a.Clone();
            b[i] ^= 1;
            Key10.Of(b).Should().NotBe(key, "byte {0} differs", i);
        }
        Key10.Of("990388010").Should().BeNull();
        FluentActions.Invoking(() => Key10.Of(a.AsSpan(0, 9))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void IsBlank_SpacesOnly()
    {
        FixedText.IsBlank(B("   ")).Should().BeTrue();
        FixedText.IsBlank(B(" \0 ")).Should().BeFalse();
        FixedText.IsBlank([]).Should().BeTrue();
    }
}
