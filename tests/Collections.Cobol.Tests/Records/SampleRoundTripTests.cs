using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

/// <summary>
/// Every data file of the legacy's sample days reads record by record and re-writes to identical bytes; every numeric
/// field decodes (strictly) and re-encodes to identical bytes; every alphanumeric field round-trips through its code page.
/// </summary>
public sealed class SampleRoundTripTests
{
    public static TheoryData<string, string> SampleFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var day in Directory.GetDirectories(Path.Combine(RepoPaths.LegacyHome, "sample")).Order(StringComparer.Ordinal))
        {
            if (!Directory.Exists(Path.Combine(day, "in"))) continue;
            foreach (var dir in new[] { "in", "out" })
            foreach (var file in Directory.GetFiles(Path.Combine(day, dir)).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name is "SYSIN" or "CLV500.RPT") continue;
                data.Add(Path.GetFileName(day), Path.Combine(dir, name));
            }
        }
        return data;
    }

    private static (RecordFormat Format, int Length, Func<ReadOnlyMemory<byte>, List<SampleField>> Fields) Layout(string name) => name switch
    {
        "ENTRYIN" => (RecordFormat.Fixed, 250, r => r.Span[0] switch
        {
            (byte)'H' => SampleFieldLists.Parse(SampleFieldLists.EntryHeader),
            (byte)'L' => SampleFieldLists.Parse(SampleFieldLists.EntryLine),
            (byte)'T' => SampleFieldLists.Parse(SampleFieldLists.EntryTrailer),
            _ => throw new InvalidDataException("unknown ENTRYIN record type"),
        }),
        "PAYMENTS" => (RecordFormat.Fixed, 50, _ => SampleFieldLists.Parse(SampleFieldLists.Payment)),
        "LINECALC" => (RecordFormat.Fixed, 250, _ => SampleFieldLists.Parse(SampleFieldLists.LineCalc)),
        "ENTCALC" => (RecordFormat.GnuCobolVariable, 0, EntCalcFields),
        "OPENITEM" => (RecordFormat.Fixed, 150, _ => SampleFieldLists.Parse(SampleFieldLists.OpenItem)),
        "LEDGER" => (RecordFormat.Fixed, 80, _ => SampleFieldLists.Parse(SampleFieldLists.Ledger)),
        "STMTOUT" => (RecordFormat.Fixed, 200, _ => SampleFieldLists.Parse(SampleFieldLists.StmtHeader)),
        "STMTDTL" => (RecordFormat.Fixed, 80, _ => SampleFieldLists.Parse(SampleFieldLists.StmtDetail)),
        "CTLTOTS" => (RecordFormat.LineSequential, 80, _ => SampleFieldLists.Parse(SampleFieldLists.ControlTotal)),
        "REJECTS" => (RecordFormat.LineSequential, 100, _ => SampleFieldLists.Parse(SampleFieldLists.Reject)),
        "SUSPENSE" => (RecordFormat.LineSequential, 111, _ => SampleFieldLists.Parse(SampleFieldLists.Suspense)),
        _ => throw new InvalidDataException("no layout for sample file " + name),
    };

    private static List<SampleField> EntCalcFields(ReadOnlyMemory<byte> record)
    {
        if (record.Span[0] == (byte)'M')
        {
            record.Length.Should().Be(36);
            return SampleFieldLists.Parse(SampleFieldLists.EntCalcMpf);
        }
        var fields = SampleFieldLists.Parse(SampleFieldLists.EntCalcTotal);
        fields.Sum(f => f.Codec.Length).Should().Be(151);
        var count = (int)fields.Single(f => f.Name == "ECT-FEE-COUNT").Codec.DecodeUnscaled(record.Span.Slice(149, 2));
        count.Should().BeInRange(1, 8);
        record.Length.Should().Be(151 + 9 * count, "the record length depends on ECT-FEE-COUNT");
        for (var i = 0; i < count; i++) fields.AddRange(SampleFieldLists.Parse(SampleFieldLists.EntCalcFee, 151 + 9 * i));
        return fields;
    }

    [Fact]
    public void FieldLists_MatchTheRecordLengthsTheProgramsDeclare()
    {
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.EntryHeader)).Should().Be(250);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.EntryLine)).Should().Be(250);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.EntryTrailer)).Should().Be(250);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.LineCalc)).Should().Be(250);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.Payment)).Should().Be(50);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.OpenItem)).Should().Be(150);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.Ledger)).Should().Be(80);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.StmtHeader)).Should().Be(200);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.StmtDetail)).Should().Be(80);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.ControlTotal)).Should().Be(80);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.Reject)).Should().Be(100);
        SampleFieldLists.Length(SampleFieldLists.Parse(SampleFieldLists.Suspense)).Should().Be(111);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleFile_ReadRewriteAndFieldCodecs_IdenticalBytes(string day, string file)
    {
        var path = Path.Combine(RepoPaths.LegacyHome, "sample", day, file);
        var original = File.ReadAllBytes(path);
        var (format, length, fields) = Layout(Path.GetFileName(file));

        using var input = new MemoryStream(original);
        using var reader = RecordReader.Create(input, new RecordReaderOptions { Format = format, RecordLength = length, FileName = file });
        using var output = new MemoryStream();
        using (var writer = RecordWriter.Create(output, new RecordWriterOptions { Format = format, RecordLength = length, LeaveOpen = true }))
        {
            var scratch = new byte[65535];
            var numericFields = 0;
            while (reader.TryRead(out var record))
            {
                // every field decodes and re-encodes to its own bytes
                record.Span.CopyTo(scratch);
                var rebuilt = scratch.AsSpan(0, record.Length);
                foreach (var f in fields(record))
                {
                    var raw = record.Span.Slice(f.Offset, f.Codec.Length);
                    var target = rebuilt.Slice(f.Offset, f.Codec.Length);
                    target.Fill(0xEE);
                    if (f.Codec.IsNumeric)
                    {
                        numericFields++;
                        long value;
                        try
                        {
                            value = f.Codec.DecodeUnscaled(raw);
                        }
                        catch (CobolDataException ex)
                        {
                            throw ex.WithField(f.Name, f.Offset);
                        }
                        f.Codec.EncodeUnscaled(value, target);
                        // and through the exact text form
                        var text = f.Codec.DecodeText(raw);
                        var again = new byte[f.Codec.Length];
                        f.Codec.EncodeText(text, again);
                        again.Should().Equal(raw.ToArray(), "{0} record {1} field {2} via text {3}", file, reader.RecordNumber, f.Name, text);
                    }
                    else
                    {
                        f.Codec.EncodeText(f.Codec.DecodeText(raw), target);
                    }
                }
                Convert.ToHexString(rebuilt).Should().Be(Convert.ToHexString(record.Span), "{0} record {1}", file, reader.RecordNumber);
                writer.Write(record.Span);
            }
            if (original.Length > 0) reader.RecordNumber.Should().BeGreaterThan(0);
        }
        output.ToArray().Should().Equal(original, "{0} re-written by RecordWriter", file);
    }
}
