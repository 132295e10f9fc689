using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Cobol.Records;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// <see cref="CompiledRecordDecoder"/> against the generic decoders: the layout-driven <see cref="RecordDecoder"/> (same
/// fields, same values as text, same errors in the same order) and the per-field codecs (strict errors name field,
/// offset, raw hex and record exactly as the codec's exception does), on every legacy sample file, on every byte of
/// ENTRYIN records corrupted, and on random records of every field kind under every decoder option.
/// </summary>
public sealed class CompiledRecordDecoderTests
{
    private static string Legacy => RepoPaths.LegacyHome;

    // ------------------------------------------------------------------ the comparison

    /// <summary>Leaves of the generic decoder's tree that decoded: (name with subscripts, text).</summary>
    private static List<(string Name, string Text)> Leaves(DecodedRecord record)
    {
        var result = new List<(string, string)>();
        foreach (var (name, node) in record.Root.Members) Flatten(node, name, "", result);
        return result;
    }

    private static void Flatten(DecodedNode node, string name, string subscripts, List<(string, string)> result)
    {
        switch (node)
        {
            case DecodedValue v:
                if (v.Text is not null) result.Add((name + subscripts, v.Text));
                break;
            case DecodedGroup g:
                foreach (var (k, c) in g.Members) Flatten(c, k, subscripts, result);
                break;
            case DecodedArray a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    var sub = subscripts.Length == 0 ? $"({i + 1})" : $"{subscripts[..^1]},{i + 1})";
                    Flatten(a.Items[i], name, sub, result);
                }
                break;
        }
    }

    private static List<(string Name, string Text)> Present(RecordValues values)
    {
        var result = new List<(string, string)>();
        foreach (var ordinal in values.ViewOrdinals)
        {
            if (values.IsPresent(ordinal)) result.Add((values.Decoder.Fields[ordinal].Name, values.GetText(ordinal)));
        }
        return result;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CompiledRecordDecoder, Tuple<RecordJsonWriter, MemoryStream>> JsonWriters = new();

    /// <summary>The JSON line <see cref="RecordJsonWriter"/> writes for the record (the CLI's output).</summary>
    private static string CompiledJson(CompiledRecordDecoder compiled, byte[] record, out bool ok)
    {
        var (writer, stream) = JsonWriters.GetValue(compiled, c =>
        {
            var ms = new MemoryStream();
            return Tuple.Create(RecordJsonWriter.Create(c, ms, leaveOpen: true), ms);
        });
        stream.SetLength(0);
        ok = writer.Write(record);
        writer.Flush();
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The JSON the tree of <see cref="RecordDecoder"/> writes (the CLI's output before RecordJsonWriter).</summary>
    private static string TreeJson(DecodedRecord record)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            record.WriteTo(json);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    /// <summary>Decodes <paramref name="record"/> both ways and asserts the same fields, values, errors and JSON text;
    /// returns the number of errors.</summary>
    private static int AssertSame(RecordDecoder generic, CompiledRecordDecoder compiled, RecordValues values, byte[] record, string because)
    {
        var expected = generic.Decode(record);
        var ok = compiled.TryDecode(record, values);
        Present(values).Should().Equal(Leaves(expected), because);
        values.Errors.Should().Equal(expected.Errors, because);
        ok.Should().Be(expected.Errors.Count == 0, because);
        CompiledJson(compiled, record, out var jsonOk).Should().Be(TreeJson(expected), because);
        jsonOk.Should().Be(ok, because);

        if (expected.Errors.Count == 0)
        {
            compiled.Decode(record, values, "FILE", 7);
            Present(values).Should().Equal(Leaves(expected), because);
        }
        else
        {
            var first = expected.Errors[0];
            var act = () => compiled.Decode(record, values, "FILE", 7);
            var ex = act.Should().Throw<CobolDataException>(because).Which;
            ex.FieldName.Should().Be(first.Field, because);
            ex.Offset.Should().Be(first.Offset, because);
            ex.RawHex.Should().Be(first.Hex, because);
            ex.Reason.Should().Be(first.Reason, because);
            ex.FileName.Should().Be("FILE");
            ex.RecordNumber.Should().Be(7);
            ex.Message.Should().Contain($"FILE record 7: Invalid data in field {first.Field} at offset {first.Offset}: {first.Reason} (raw hex ");
        }
        return expected.Errors.Count;
    }

    // ------------------------------------------------------------------ legacy sample files

    public static TheoryData<string, string, string, string[]> Files() => SampleFileDecodeTests.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void TryDecode_LegacySampleFile_EqualsRecordDecoder(string file, string member, string format, string[] selects)
    {
        using var _ = HostileCulture.Enter();
        var copybookDir = Path.Combine(Legacy, "copybooks");
        var statement = member == "OPENITEM" ? "COPY OPENITEM REPLACING ==:OI:== BY ==OM==." : $"COPY {member}.";
        var parser = new CopybookParserOptions();
        parser.IncludeDirectories.Add(copybookDir);
        var layout = CopybookLayout.Compute(CopybookParser.Parse("           " + statement + "\n", "WRAP.cpy", parser));
        var recordFormat = format switch { "variable" => RecordFormat.GnuCobolVariable, "line" => RecordFormat.LineSequential, _ => RecordFormat.Fixed };
        var options = new RecordDecoderOptions { PadShortRecords = recordFormat == RecordFormat.LineSequential };
        foreach (var s in selects) options.Selections.Add(RecordSelection.Parse(s));
        var generic = RecordDecoder.Create(layout, options);
        var compiled = CompiledRecordDecoder.Create(layout, options);
        var values = compiled.CreateValues();

        using var stream = File.OpenRead(Path.Combine(Legacy, file));
        using var reader = RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = recordFormat,
            RecordLength = recordFormat == RecordFormat.GnuCobolVariable ? 0 : generic.MaxRecordLength,
            FileName = file,
        });
        var records = 0;
        var fields = 0;
        while (reader.TryRead(out var record))
        {
            var bytes = record.ToArray();
            AssertSame(generic, compiled, values, bytes, $"{file} record {reader.RecordNumber}");
            fields += Present(values).Count;
            records++;
        }
        if (new FileInfo(Path.Combine(Legacy, file)).Length > 0) fields.Should().BeGreaterThan(records);
    }

    // ------------------------------------------------------------------ corrupted ENTRYIN records

    private static (RecordDecoder Generic, CompiledRecordDecoder Compiled) Entry(RecordDecoderOptions? options = null)
    {
        var layout = CopybookLayout.Load(Path.Combine(Legacy, "copybooks", "ENTRYREC.cpy"));
        options ??= new RecordDecoderOptions();
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=H:ER-HEADER-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=L:ER-LINE-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=T:ER-TRAILER-DATA"));
        return (RecordDecoder.Create(layout, options), CompiledRecordDecoder.Create(layout, options));
    }

    private static List<byte[]> EntrySamples()
    {
        var data = File.ReadAllBytes(Path.Combine(Legacy, "sample/2026-03-03/in/ENTRYIN"));
        var records = Enumerable.Range(0, data.Length / 250).Select(i => data.AsSpan(i * 250, 250).ToArray()).ToList();
        // one of each type; a line with a negative amount when there is one
        var line = records.FirstOrDefault(r => r[0] == 'L' && (r[35] & 0x0F) == 0x0D) ?? records.First(r => r[0] == 'L');
        return [records.First(r => r[0] == 'H'), line, records.Last(r => r[0] == 'T')];
    }

    [Fact]
    public void TryDecode_EveryByteOfEntryRecordsCorrupted_EqualsRecordDecoder()
    {
        using var _ = HostileCulture.Enter();
        var (generic, compiled) = Entry();
        var values = compiled.CreateValues();
        byte[] bad = [0x00, 0x09, 0x0A, 0x20, 0x2F, 0x3A, 0x40, 0x5C, 0x7B, 0x7D, 0x9C, 0xA0, 0xCF, 0xF0, 0xFF, (byte)'A', (byte)'J', (byte)'p'];
        var errors = 0;
        foreach (var sample in EntrySamples())
        {
            for (var position = 0; position < sample.Length; position++)
            {
                foreach (var b in bad)
                {
                    var record = (byte[])sample.Clone();
                    record[position] = b;
                    errors += AssertSame(generic, compiled, values, record, $"type {(char)sample[0]} byte {position} = 0x{b:X2}");
                }
            }
        }
        errors.Should().BeGreaterThan(1000, "the corruptions hit zoned and packed fields");
    }

    [Fact]
    public void Decode_EntryRecordWithBadPackedSign_ThrowsNamingFieldOffsetRecordAndHex()
    {
        var (_, compiled) = Entry();
        var line = EntrySamples()[1];
        line[35] = (byte)((line[35] & 0xF0) | 0x0A); // EL-FOREIGN-VALUE sign nibble A (strict: invalid)
        var values = compiled.CreateValues();
        var act = () => compiled.Decode(line, values, "ENTRYIN", 12);
        var ex = act.Should().Throw<CobolDataException>().Which;
        ex.FieldName.Should().Be("EL-FOREIGN-VALUE");
        ex.Offset.Should().Be(29);
        ex.RawHex.Should().Be(Convert.ToHexString(line, 29, 7));
        ex.Reason.Should().Be("invalid sign nibble 0xA");
        ex.Message.Should().StartWith("ENTRYIN record 12: Invalid data in field EL-FOREIGN-VALUE at offset 29: invalid sign nibble 0xA");

        // the codec itself gives the same diagnosis
        var codec = compiled.Fields[compiled.IndexOf("EL-FOREIGN-VALUE")].Codec;
        var direct = () => codec.DecodeUnscaled(line.AsSpan(29, 7));
        direct.Should().Throw<CobolDataException>().Which.Reason.Should().Be(ex.Reason);
    }

    [Fact]
    public void Decode_ShortAndLongRecords_EqualsRecordDecoder()
    {
        var (generic, compiled) = Entry();
        var values = compiled.CreateValues();
        foreach (var sample in EntrySamples())
        {
            for (var length = 0; length <= sample.Length; length++)
                AssertSame(generic, compiled, values, sample[..length], $"type {(char)sample[0]} cut to {length}");
            AssertSame(generic, compiled, values, [.. sample, .. "EXTRA"u8.ToArray()], "longer record");
        }
    }

    [Fact]
    public void Decode_ShortRecordsPadded_EqualsRecordDecoder()
    {
        var (generic, compiled) = Entry(new RecordDecoderOptions { PadShortRecords = true });
        var values = compiled.CreateValues();
        foreach (var sample in EntrySamples())
        {
            for (var length = 0; length <= sample.Length; length += 7)
                AssertSame(generic, compiled, values, sample[..length], $"type {(char)sample[0]} cut to {length}");
        }
    }

    [Fact]
    public void Decode_EntryLine_ValuesAsUnscaledLongsAndChars()
    {
        using var _ = HostileCulture.Enter();
        var (_, compiled) = Entry();
        var values = compiled.CreateValues();
        var line = EntrySamples()[1];
        compiled.Decode(line, values);
        var value = compiled.IndexOf("EL-FOREIGN-VALUE");
        var codec = FieldCodec.Packed(13, 2, signed: true);
        values.GetUnscaled(value).Should().Be(codec.DecodeUnscaled(line.AsSpan(29, 7)));
        values.GetDecimal(value).Should().Be(codec.DecodeDecimal(line.AsSpan(29, 7)));
        values.GetChars(compiled.IndexOf("EL-HTS-NO")).ToString().Should().Be(Encoding.Latin1.GetString(line, 15, 10));
        values.IsPresent(compiled.IndexOf("EH-ENTRY-DATE")).Should().BeFalse("a line record has no header fields");
        var header = () => values.GetUnscaled(compiled.IndexOf("EH-ENTRY-DATE"));
        header.Should().Throw<InvalidOperationException>();
        values.IsPresent(compiled.IndexOf("ER-REC-DATA")).Should().BeFalse("the redefined item is replaced by the selected view");
    }

    [Fact]
    public void Decode_WithRecordReader_ErrorNamesFileAndRecordNumber()
    {
        var (_, compiled) = Entry();
        var samples = EntrySamples();
        var bad = (byte[])samples[0].Clone();
        bad[36] = (byte)' '; // EH-ENTRY-DATE (offset 30, 8 digits): a space is not a zero
        using var stream = new MemoryStream([.. samples[0], .. samples[1], .. bad]);
        using var reader = RecordReader.Create(stream, RecordFormat.Fixed, 250, "ENTRYIN");
        var values = compiled.CreateValues();
        reader.TryRead(out _).Should().BeTrue();
        compiled.Decode(reader, values);
        reader.TryRead(out _).Should().BeTrue();
        compiled.Decode(reader, values);
        reader.TryRead(out _).Should().BeTrue();
        var act = () => compiled.Decode(reader, values);
        act.Should().Throw<CobolDataException>()
            .WithMessage("ENTRYIN record 3: Invalid data in field EH-ENTRY-DATE at offset 30: non-digit byte 0x20 at position 6 (raw hex *)");
    }

    // ------------------------------------------------------------------ every field kind, every option, random records

    private const string KindsCopybook = """
       01  KINDS-REC.
           05  K-TYPE        PIC X(2).
           05  K-BODY        PIC X(160).
           05  K-NUMS REDEFINES K-BODY.
               10  K-U1      PIC 9.
               10  K-U4      PIC 9(4).
               10  K-U8      PIC 9(8).
               10  K-U12     PIC 9(12).
               10  K-U18     PIC 9(18).
               10  K-ST3     PIC S9(3).
               10  K-ST8     PIC S9(6)V99.
               10  K-ST15    PIC S9(15).
               10  K-SL5     PIC S9(5) SIGN LEADING.
               10  K-STS4    PIC S9(4) SIGN TRAILING SEPARATE.
               10  K-SLS4    PIC S9(4) SIGN LEADING SEPARATE.
               10  K-P1      PIC S9 COMP-3.
               10  K-P2U     PIC 99 COMP-3.
               10  K-P13     PIC S9(11)V99 COMP-3.
               10  K-P15U    PIC 9(15) COMP-3.
               10  K-P14     PIC S9(14) COMP-3.
               10  K-P17     PIC S9(15)V99 COMP-3.
               10  K-P18     PIC S9(18) COMP-3.
               10  K-B4      PIC S9(4) COMP.
               10  K-B9U     PIC 9(9) COMP.
               10  K-B18     PIC S9(18) COMP.
               10  K-N5      PIC S9(5) COMP-5.
               10  K-PP      PIC 9(3)PP.
               10  K-X3      PIC X(3).
               10  K-E1      PIC ZZ9.99.
           05  K-TEXT REDEFINES K-BODY.
               10  K-T1      PIC X(17).
               10  K-T2      PIC X(33) OCCURS 2.
               10  K-T3      PIC A(5).
           05  K-TAIL        PIC X(3).
       01  KINDS-ALT.
           05  KA-TYPE       PIC X(2).
           05  KA-P3         PIC S9(5) COMP-3.
           05  KA-Z3         PIC S9(3).
           05  KA-F1         COMP-1.
           05  KA-D1         COMP-2.
""";

    public static TheoryData<string> OptionSets() => ["ascii", "cp037", "cp1140", "cp273", "gnucobol-signs", "ibm-packed", "native-big-endian", "padded", "ibm-floats-little"];

    private static RecordDecoderOptions Options(string set)
    {
        var o = set switch
        {
            "cp037" => new RecordDecoderOptions { Encoding = DataEncoding.Cp037 },
            "cp1140" => new RecordDecoderOptions { Encoding = DataEncoding.Cp1140 },
            "cp273" => new RecordDecoderOptions { Encoding = DataEncoding.Cp273 },
            "ibm-floats-little" => new RecordDecoderOptions { FloatFormat = FloatFormat.IbmHexadecimal, FloatBigEndian = false },
            "gnucobol-signs" => new RecordDecoderOptions { Overpunch = OverpunchStyle.GnuCobolAscii },
            "ibm-packed" => new RecordDecoderOptions { PackedSigns = PackedSignPolicy.Ibm },
            "native-big-endian" => new RecordDecoderOptions { NativeBinaryBigEndian = true },
            "padded" => new RecordDecoderOptions { PadShortRecords = true },
            _ => new RecordDecoderOptions(),
        };
        o.Selections.Add(RecordSelection.Parse("K-TYPE=N:K-NUMS"));
        o.Selections.Add(RecordSelection.Parse("K-TYPE=TX:K-TEXT"));
        o.Selections.Add(RecordSelection.Parse("K-TYPE=AL:KINDS-ALT"));
        return o;
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void TryDecode_RandomRecordsOfEveryKindCorrupted_EqualsRecordDecoder(string set)
    {
        using var _ = HostileCulture.Enter();
        var layout = CopybookLayout.Compute(CopybookParser.Parse(KindsCopybook, "kinds.cpy"));
        var options = Options(set);
        var generic = RecordDecoder.Create(layout, options);
        var compiled = CompiledRecordDecoder.Create(layout, options);
        var values = compiled.CreateValues();
        var codePage = options.CodePage;
        var rng = new Random(20261128 + set.Length);
        byte[] interesting = [0x00, 0x20, 0x40, 0x30, 0x39, 0x3A, 0xF0, 0xF9, 0xFA, 0xC1, 0xD1, 0x0C, 0x0D, 0x0F, 0x0A, 0x0B, 0x0E, 0x9C, 0xFF, 0x7B, 0x7D, 0x70, 0x79, 0x7A];
        string[] types = ["N ", "TX", "AL", "??"];
        int errors = 0, clean = 0;
        for (var n = 0; n < 3000; n++)
        {
            var record = new byte[165];
            var type = types[rng.Next(types.Length)];
            codePage.Encode(type, record.AsSpan(0, 2));
            codePage.Encode("", record.AsSpan(2));
            // valid values for every field of the record's view, through the generic codecs
            compiled.TryDecode(record, values);
            foreach (var ordinal in values.ViewOrdinals)
            {
                var f = compiled.Fields[ordinal];
                if (f.Name.EndsWith("-TYPE", StringComparison.Ordinal)) continue; // the record type stays
                var target = record.AsSpan(f.Offset, f.Length);
                if (f.Kind == FieldKind.Float)
                {
                    rng.NextBytes(target); // any bit pattern (an IEEE NaN or infinity is an error)
                }
                else if (f.IsNumeric)
                {
                    var digits = f.Codec.Kind == FieldKind.Binary && f.Codec.Digits > 18 ? 18 : f.Codec.Digits;
                    var magnitude = rng.NextInt64(0, (long)Math.Pow(10, rng.Next(0, digits + 1)));
                    f.Codec.EncodeUnscaled(f.Codec.Signed && rng.Next(3) == 0 ? -magnitude : magnitude, target);
                }
                else if (f.Item.Picture!.Category == PictureCategory.NumericEdited)
                {
                    f.Codec.EncodeText(rng.Next(1000).ToString("D3", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0').PadLeft(3) + ".25", target);
                }
                else
                {
                    var text = new string(Enumerable.Range(0, rng.Next(f.Length + 1)).Select(_ => "ABCXYZ 0123-/$"[rng.Next(14)]).ToArray());
                    f.Codec.EncodeText(text, target);
                }
            }
            // 0-3 corrupted bytes; sometimes a cut record
            var corruptions = rng.Next(4);
            for (var k = 0; k < corruptions; k++)
                record[rng.Next(record.Length)] = rng.Next(2) == 0 ? interesting[rng.Next(interesting.Length)] : (byte)rng.Next(256);
            if (rng.Next(10) == 0) record = record[..rng.Next(record.Length)];
            var e = AssertSame(generic, compiled, values, record, $"{set} record {n} {Convert.ToHexString(record)}");
            if (e > 0) errors++;
            else clean++;
        }
        errors.Should().BeGreaterThan(300, $"clean {clean}");
        clean.Should().BeGreaterThan(300, $"errors {errors}");
    }

    // ------------------------------------------------------------------ selections, several records, OCCURS DEPENDING ON

    private const string SelectCopybook = """
       01  REC-A.
           05  A-TYPE      PIC 9(2).
           05  A-BODY      PIC X(8).
           05  A-NUM REDEFINES A-BODY.
               10  A-N1    PIC S9(5)V99.
               10  A-INNER PIC X.
               10  A-INNER-N REDEFINES A-INNER PIC 9.
           05  A-CNT       PIC 9.
           05  A-TAB       OCCURS 0 TO 3 DEPENDING ON A-CNT.
               10  A-T     PIC XX.
               10  A-TP    PIC S9(3) COMP-3.
       01  REC-B.
           05  B-TYPE      PIC 9(2).
           05  B-TEXT      PIC X(5).
""";

    public static TheoryData<string[]> SelectionSets() =>
    [
        [],
        ["A-TYPE=01:A-NUM"],
        ["A-TYPE=1:A-NUM", "A-TYPE=02:A-INNER-N", "B-TYPE=3:REC-B"],
        ["A-TYPE=01:A-NUM", "A-TYPE=01:A-INNER-N"],
    ];

    [Theory]
    [MemberData(nameof(SelectionSets))]
    public void TryDecode_NumericSelectionsRecordsAndDependingOn_EqualsRecordDecoder(string[] selects)
    {
        using var _ = HostileCulture.Enter();
        var layout = CopybookLayout.Compute(CopybookParser.Parse(SelectCopybook, "rec.cpy"));
        var options = new RecordDecoderOptions();
        foreach (var s in selects) options.Selections.Add(RecordSelection.Parse(s));
        var generic = RecordDecoder.Create(layout, options);
        var compiled = CompiledRecordDecoder.Create(layout, options);
        var values = compiled.CreateValues();
        var rng = new Random(7 + selects.Length);
        string[] texts = ["01", "02", "03", "1 ", "0A", "  "];
        var errors = 0;
        for (var n = 0; n < 2000; n++)
        {
            byte[] record =
            [
                .. Encoding.Latin1.GetBytes(texts[rng.Next(texts.Length)] + "1234567" + (char)('0' + rng.Next(10)) + (char)('0' + rng.Next(5))),
                .. "AB"u8, 0x01, 0x2C, .. "CD"u8, 0x99, 0x9D, .. "EF"u8, 0x00, 0x0C,
            ];
            if (rng.Next(3) == 0) record[rng.Next(record.Length)] = (byte)rng.Next(256);
            if (rng.Next(6) == 0) record = record[..rng.Next(record.Length + 1)];
            errors += AssertSame(generic, compiled, values, record, $"{string.Join(' ', selects)}: {Convert.ToHexString(record)}");
        }
        errors.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Create_UnknownSelectionField_ThrowsAsRecordDecoder()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(SelectCopybook, "rec.cpy"));
        var options = new RecordDecoderOptions();
        options.Selections.Add(RecordSelection.Parse("NOPE=1:A-NUM"));
        var act = () => CompiledRecordDecoder.Create(layout, options);
        act.Should().Throw<ArgumentException>().WithMessage("--select NOPE=1:A-NUM: field 'NOPE' is not in the copybook");
    }

    [Fact]
    public void Create_NumericItemOver18Digits_ThrowsNotSupported()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse("""
       01  R.
           05  R-BIG  PIC S9(20) COMP-3.
""", "big.cpy"));
        var act = () => CompiledRecordDecoder.Create(layout, new RecordDecoderOptions());
        act.Should().Throw<NotSupportedException>().WithMessage("*R-BIG*18 digits*");
    }

    [Fact]
    public void Decode_ValuesOfAnotherDecoder_Throws()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(SelectCopybook, "rec.cpy"));
        var a = CompiledRecordDecoder.Create(layout, new RecordDecoderOptions());
        var b = CompiledRecordDecoder.Create(layout, new RecordDecoderOptions());
        var act = () => a.Decode(new byte[20], b.CreateValues());
        act.Should().Throw<ArgumentException>();
    }
}
