using System.Text;
using Collections.Cobol.Codecs;
using Collections.Parity.Generation;
using Collections.Testing;
using static Collections.Parity.Tests.Generation.GenerationTestSupport;

namespace Collections.Parity.Tests.Generation;

public sealed class DayGeneratorTests
{
    private static readonly string[] DayFiles = ["ENTRYIN", "PAYMENTS", "SYSIN", GenerationSummary.FileName];

    [Fact]
    public void Generate_SameSeed_SameBytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        DayGenerator.Generate(Options(a.Path, entries: 120, seed: 77, scenarios: true, invalidPpm: 50_000));
        DayGenerator.Generate(Options(b.Path, entries: 120, seed: 77, scenarios: true, invalidPpm: 50_000));
        foreach (var f in DayFiles)
            File.ReadAllBytes(a.Combine(f)).Should().Equal(File.ReadAllBytes(b.Combine(f)), f);
    }

    [Fact]
    public void Generate_DifferentSeeds_Differ()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        DayGenerator.Generate(Options(a.Path, entries: 50, seed: 1));
        DayGenerator.Generate(Options(b.Path, entries: 50, seed: 2));
        File.ReadAllBytes(a.Combine("ENTRYIN")).Should().NotEqual(File.ReadAllBytes(b.Combine("ENTRYIN")));
    }

    [Fact]
    public void Generate_UnderTurkishCulture_SameBytesAsInvariant()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        DayGenerator.Generate(Options(a.Path, entries: 100, seed: 5, scenarios: true, invalidPpm: 100_000));
        using (HostileCulture.Enter())
            DayGenerator.Generate(Options(b.Path, entries: 100, seed: 5, scenarios: true, invalidPpm: 100_000));
        foreach (var f in DayFiles)
            File.ReadAllBytes(a.Combine(f)).Should().Equal(File.ReadAllBytes(b.Combine(f)), f);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150_000)]
    public void Generate_Trailer_BalancesWithTheRecords(int invalidPpm)
    {
        using var t = new TempDir();
        var r = DayGenerator.Generate(Options(t.Path, entries: 200, seed: 9, scenarios: true, invalidPpm: invalidPpm));
        var data = File.ReadAllBytes(t.Combine("ENTRYIN"));
        data.Length.Should().Be((int)(r.Records + 1) * EntryRecords.Length);
        long records = 0, headers = 0, hash = 0;
        for (var off = 0; off < data.Length - EntryRecords.Length; off += EntryRecords.Length)
        {
            var rec = data.AsSpan(off, EntryRecords.Length);
            records++;
            if (rec[0] == (byte)'H') headers++;
            // CLV100: the hash adds EL-FOREIGN-VALUE of L records when it IS NUMERIC
            if (rec[0] == (byte)'L' && PackedDecimal.TryDecode(rec.Slice(29, 7), 13, signed: true, out var v)) hash += v;
        }
        var trailer = data.AsSpan(data.Length - EntryRecords.Length);
        trailer[0].Should().Be((byte)'T');
        ZonedDecimal.Decode(trailer.Slice(1, 7), 7, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters).Should().Be(records);
        ZonedDecimal.Decode(trailer.Slice(8, 7), 7, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters).Should().Be(headers);
        PackedDecimal.Decode(trailer.Slice(15, 9), 17, signed: true).Should().Be(hash);
        records.Should().Be(r.Records);
        hash.Should().Be(r.HashCents);
    }

    [Fact]
    public void Generate_EntryNumbers_AscendingWithValidCheckDigits()
    {
        using var t = new TempDir();
        DayGenerator.Generate(Options(t.Path, entries: 300, seed: 3, scenarios: true));
        var data = File.ReadAllBytes(t.Combine("ENTRYIN"));
        string? previous = null;
        for (var off = 0; off < data.Length; off += EntryRecords.Length)
        {
            if (data[off] != (byte)'H') continue;
            var no = Encoding.ASCII.GetString(data, off + 1, 11);
            EntryNumber.CheckDigit(no.AsSpan(0, 10)).Should().Be(no[10] - '0', no);
            if (previous is not null) string.CompareOrdinal(no, previous).Should().BePositive();
            previous = no;
        }
    }

    [Fact]
    public void Generate_SysinCard_HasTheRunDate()
    {
        using var t = new TempDir();
        DayGenerator.Generate(Options(t.Path, runDate: 20251001, entries: 1));
        File.ReadAllText(t.Combine("SYSIN")).Should().Be("RUNDATE=20251001\n");
    }

    [Fact]
    public void Generate_NoPriorCycle_WritesAnEmptyPaymentsFile()
    {
        using var t = new TempDir();
        var r = DayGenerator.Generate(Options(t.Path, entries: 3));
        r.Payments.Should().Be(0);
        new FileInfo(t.Combine("PAYMENTS")).Length.Should().Be(0);
    }
}
