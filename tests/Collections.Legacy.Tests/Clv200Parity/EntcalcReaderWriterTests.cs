using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;
using Collections.Testing;

namespace Collections.Legacy.Tests.Clv200Parity;

public class EntcalcReaderWriterTests
{
    public static TheoryData<string> Days => new() { "2026-03-02", "2026-03-03" };

    private static byte[] Sample(string day) => File.ReadAllBytes(Path.Combine(RepoPaths.LegacyHome, "sample", day, "out", "ENTCALC"));

    [Theory]
    [MemberData(nameof(Days))]
    public void ReadThenWrite_LegacyEntcalc_ByteIdentical(string day)
    {
        using var _ = HostileCulture.Enter();
        var original = Sample(day);
        using var reader = EntcalcReader.Create(new MemoryStream(original));
        var output = new MemoryStream();
        using (var writer = EntcalcWriter.Create(output, leaveOpen: true))
        {
            foreach (var r in reader.ReadAll())
            {
                if (r.EntryTotal is { } e) writer.Write(e);
                else writer.Write(r.MpfAllocation!.Value);
            }
        }

        Convert.ToHexString(output.ToArray()).Should().Be(Convert.ToHexString(original));
    }

    [Fact]
    public void Read_SampleDay_EntriesThenTheirAllocationsAddingUpToTheMpf()
    {
        using var reader = EntcalcReader.Create(new MemoryStream(Sample("2026-03-02")));
        var records = reader.ReadAll().ToList();

        records.Count(r => r.EntryTotal is not null).Should().Be(14);
        records.Count(r => r.MpfAllocation is not null).Should().Be(37);
        EntcalcEntryTotal? current = null;
        long allocated = 0;
        foreach (var r in records.Append(default))
        {
            if (r.MpfAllocation is { } m)
            {
                m.EntryNumber.Should().Be(current!.EntryNumber);
                allocated += m.AllocatedMpfCents;
                continue;
            }
            if (current is not null && current.Fees[0].FeeClass == FeeClasses.Mpf && current.MpfLiableValueCents != 0)
                allocated.Should().Be(current.Fees[0].AmountCents, current.EntryNumber);
            current = r.EntryTotal;
            allocated = 0;
        }
    }

    [Fact]
    public void Read_InvalidPackedAmount_ErrorNamesRecordFieldOffsetAndBytes()
    {
        var bytes = Sample("2026-03-02");
        bytes[4 + 56 + 6] = 0x1A; // ECT-ENTERED-VALUE of record 1: sign nibble A is not valid (strict)
        using var reader = EntcalcReader.Create(new MemoryStream(bytes));

        var act = () => reader.ReadAll().ToList();

        var e = act.Should().Throw<EntcalcFormatException>().Which;
        (e.RecordNumber, e.Field, e.Offset).Should().Be((1L, "ECT-ENTERED-VALUE", 56L));
        e.RawHex.Should().EndWith("1A");
    }

    [Fact]
    public void Read_FeeCountNotMatchingLength_Error()
    {
        var bytes = Sample("2026-03-02");
        bytes[4 + 150] = (byte)'2';
        using var reader = EntcalcReader.Create(new MemoryStream(bytes));

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<EntcalcFormatException>().Which.Field.Should().Be("ECT-FEE-COUNT");
    }

    [Fact]
    public void Read_TruncatedFile_ErrorNamesTheRecord()
    {
        var bytes = Sample("2026-03-02");
        using var reader = EntcalcReader.Create(new MemoryStream(bytes[..^3]));

        var act = () => reader.ReadAll().ToList();

        act.Should().Throw<EntcalcFormatException>().Which.RecordNumber.Should().Be(51);
    }
}
