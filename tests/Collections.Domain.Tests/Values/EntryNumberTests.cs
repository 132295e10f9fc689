using Collections.Domain.Values;
using Collections.Testing;

namespace Collections.Domain.Tests.Values;

public class EntryNumberTests
{
    /// <summary>Every entry number of the legacy's sample days, all accepted by CLV100 (ENTRIES REJECTED 0).</summary>
    public static TheoryData<string> LegacyAcceptedNumbers()
    {
        var data = new TheoryData<string>();
        foreach (var day in new[] { "2026-03-02", "2026-03-03" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.LegacyHome, "sample", day, "in", "ENTRYIN"));
            for (int i = 0; i + 250 <= bytes.Length; i += 250)
                if (bytes[i] == (byte)'H') data.Add(System.Text.Encoding.ASCII.GetString(bytes, i + 1, 11));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LegacyAcceptedNumbers))]
    public void TryParse_NumbersTheLegacyAccepted_Valid(string number)
    {
        EntryNumber.TryParse(number, out var e).Should().Be(EntryNumber.ParseError.None);
        EntryNumber.Create(e.FilerCode, int.Parse(e.Serial, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(e);
    }

    [Fact]
    public void ComputeCheckDigit_LettersCountAlphabetPositionModulo10()
    {
        // B=2, X=24 -> 4, A=1; digits 2200083; positions 2,4,6,8,10 doubled
        EntryNumber.ComputeCheckDigit("BXA2200083", out var cd).Should().BeTrue();
        // sum: 2 + (4*2=8) + 1 + (2*2=4) + 2 + (0) + 0 + (0) + 8 + (3*2=6) = 31 -> 9
        cd.Should().Be(9);
    }

    [Theory]
    [InlineData("   1234567", false)]
    [InlineData("ab11234567", false)]
    [InlineData("Z!11234567", false)]
    [InlineData("ZZ11234567", true)]
    public void ComputeCheckDigit_InvalidCharacters_Flagged(string first10, bool valid) =>
        EntryNumber.ComputeCheckDigit(first10, out _).Should().Be(valid);

    [Fact]
    public void TryParse_WrongDigitOrSerial_LegacyReason()
    {
        var good = EntryNumber.Create("316", 7781204).ToString();
        var wrong = good[..10] + (char)('0' + (good[10] - '0' + 1) % 10);
        EntryNumber.TryParse(wrong, out _).Should().Be(EntryNumber.ParseError.CheckDigit);
        EntryNumber.TryParse("316778X2045", out _).Should().Be(EntryNumber.ParseError.FilerCodeOrSerial);
        EntryNumber.TryParse("   77812045", out _).Should().Be(EntryNumber.ParseError.FilerCodeOrSerial);
        EntryNumber.TryParse("3167781204", out _).Should().Be(EntryNumber.ParseError.FilerCodeOrSerial);
    }

    [Fact]
    public void Ordering_Ordinal()
    {
        var a = EntryNumber.Create("316", 1);
        var b = EntryNumber.Create("316", 2);
        (a < b).Should().BeTrue();
        default(EntryNumber).ToString().Should().BeEmpty();
    }
}
