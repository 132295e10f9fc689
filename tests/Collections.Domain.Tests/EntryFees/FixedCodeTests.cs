using System.Text;
using Collections.Domain.EntryFees;
using Collections.Testing;

namespace Collections.Domain.Tests.EntryFees;

public class FixedCodeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("S ")]
    [InlineData("9802006000")]
    [InlineData("B0100000010")]
    [InlineData("0123456789ABCDEF")]
    [InlineData("\u00e9\u00ff")]
    public void FromLatin1_AnyCode_EqualsFromStringAndRoundTrips(string text)
    {
        using var _ = HostileCulture.Enter();
        var fromBytes = FixedCode.FromLatin1(Encoding.Latin1.GetBytes(text));
        FixedCode fromString = text;

        fromBytes.Should().Be(fromString);
        fromBytes.GetHashCode().Should().Be(fromString.GetHashCode());
        fromBytes.ToString().Should().Be(text);
        fromBytes.Length.Should().Be(text.Length);
    }

    [Theory]
    [InlineData("9801001000", "98", true)]
    [InlineData("9802006000", "98020060", true)]
    [InlineData("9802004000", "98020060", false)]
    [InlineData("8471300100", "98", false)]
    [InlineData("98", "980", false)]
    [InlineData("0123456789ABCDEF", "0123456789ABC", true)]
    [InlineData("0123456789ABCDEF", "0123456789ABD", false)]
    [InlineData("ABC", "", true)]
    public void StartsWith_Prefix_AsOrdinalStartsWith(string code, string prefix, bool expected)
    {
        ((FixedCode)code).StartsWith(prefix).Should().Be(expected);
        code.StartsWith(prefix, StringComparison.Ordinal).Should().Be(expected, "the cases agree with string.StartsWith");
    }

    [Theory]
    [InlineData("  ", true)]
    [InlineData("", true)]
    [InlineData("          ", true)]
    [InlineData(" S", false)]
    [InlineData("         X", false)]
    [InlineData("\0\0", false)]
    public void IsBlank_Code_TrueOnlyForSpaces(string code, bool blank)
    {
        ((FixedCode)code).IsBlank.Should().Be(blank);
    }

    [Fact]
    public void Equals_SameBytesDifferentLength_NotEqual()
    {
        ((FixedCode)"A ").Should().NotBe((FixedCode)"A");
        ((FixedCode)"\0").Should().NotBe((FixedCode)"");
    }

    [Fact]
    public void From_TooLongOrNotLatin1_Throws()
    {
        ((Action)(() => FixedCode.From("0123456789ABCDEFG"))).Should().Throw<ArgumentException>();
        ((Action)(() => FixedCode.From("\u0100"))).Should().Throw<ArgumentException>();
    }
}
