using Collections.Parity.Generation;

namespace Collections.Parity.Tests.Generation;

public sealed class EntryNumberTests
{
    /// <summary>Entry numbers of the legacy's sample day 1, which CLV100 accepted (no H002 in its REJECTS).</summary>
    [Theory]
    [InlineData("31677812047")]
    [InlineData("BXA22000813")]
    [InlineData("EH700123019")]
    [InlineData("W5604501177")]
    public void CheckDigit_SampleEntriesAcceptedByTheLegacy_Match(string entryNo)
    {
        EntryNumber.CheckDigit(entryNo.AsSpan(0, 10)).Should().Be(entryNo[10] - '0');
    }

    [Theory]
    [InlineData("31-7781204")]
    [InlineData("316778120 ")]
    [InlineData("w56045011x")]
    public void CheckDigit_CharacterTheLegacyRejects_MinusOne(string ten)
    {
        EntryNumber.CheckDigit(ten).Should().Be(-1);
    }

    [Fact]
    public void Make_ComposesFilerSerialAndCheckDigit()
    {
        EntryNumber.Make("BXA", 2200081).Should().Be("BXA22000813");
    }

    [Fact]
    public void CheckDigit_SampleDayHeaders_AllAgreeWithOurComputation()
    {
        var data = File.ReadAllBytes(Path.Combine(Collections.Testing.RepoPaths.LegacyHome, "sample", "2026-03-02", "in", "ENTRYIN"));
        var seen = 0;
        for (var off = 0; off < data.Length; off += 250)
        {
            if (data[off] != (byte)'H') continue;
            var no = System.Text.Encoding.ASCII.GetString(data, off + 1, 11);
            EntryNumber.CheckDigit(no.AsSpan(0, 10)).Should().Be(no[10] - '0');
            seen++;
        }
        seen.Should().Be(14);
    }
}
