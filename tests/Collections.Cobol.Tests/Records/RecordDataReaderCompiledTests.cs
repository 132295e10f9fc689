using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Cobol.Records;
using Collections.Testing;

namespace Collections.Cobol.Tests.Records;

/// <summary><see cref="RecordDataReader"/> over a <see cref="CompiledRecordDecoder"/>: the legacy ENTRYIN sample read
/// as rows gives, column by column, what each field's own codec decodes from the bytes; other views are DBNull.</summary>
public sealed class RecordDataReaderCompiledTests
{
    private static readonly string EntryIn = Path.Combine(RepoPaths.LegacyHome, "sample/2026-03-03/in/ENTRYIN");

    private static CompiledRecordDecoder EntryDecoder()
    {
        var layout = CopybookLayout.Load(Path.Combine(RepoPaths.LegacyHome, "copybooks", "ENTRYREC.cpy"));
        var options = new RecordDecoderOptions();
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=H:ER-HEADER-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=L:ER-LINE-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=T:ER-TRAILER-DATA"));
        return CompiledRecordDecoder.Create(layout, options);
    }

    [Fact]
    public void GetValue_EntrySample_EqualsFieldCodecsAndDbNullForOtherViews()
    {
        using var _ = HostileCulture.Enter();
        var decoder = EntryDecoder();
        var bytes = File.ReadAllBytes(EntryIn);
        using var data = RecordDataReader.Create(RecordReader.Create(new MemoryStream(bytes), RecordFormat.Fixed, 250, "ENTRYIN"), decoder);
        data.FieldCount.Should().Be(decoder.Fields.Count);
        data.GetOrdinal("EL-FOREIGN-VALUE").Should().Be(decoder.IndexOf("EL-FOREIGN-VALUE"));
        var rows = 0;
        var compared = 0;
        while (data.Read())
        {
            var record = bytes.AsSpan(rows * 250, 250);
            var type = (char)record[0];
            for (var i = 0; i < data.FieldCount; i++)
            {
                var f = decoder.Fields[i];
                var inView = f.Name == "ER-REC-TYPE" || f.Name.StartsWith(type == 'H' ? "EH-" : type == 'L' ? "EL-" : "ET-", StringComparison.Ordinal);
                data.IsDBNull(i).Should().Be(!inView, $"row {rows + 1} {f.Name}");
                if (!inView)
                {
                    data.GetValue(i).Should().Be(DBNull.Value);
                    continue;
                }
                var expected = f.Codec.DecodeValue(record.Slice(f.Offset, f.Length));
                data.GetValue(i).Should().Be(expected, $"row {rows + 1} {f.Name}");
                if (f.IsNumeric) data.GetDecimal(i).Should().Be((decimal)expected);
                compared++;
            }
            rows++;
        }
        rows.Should().Be(bytes.Length / 250);
        compared.Should().BeGreaterThan(rows * 3);
    }

    [Fact]
    public void Read_InvalidPackedField_ThrowsNamingFileRecordFieldAndHex()
    {
        var bytes = File.ReadAllBytes(EntryIn);
        var line = Enumerable.Range(0, bytes.Length / 250).First(r => bytes[r * 250] == 'L');
        bytes[line * 250 + 35] = (byte)((bytes[line * 250 + 35] & 0xF0) | 0x0A);
        using var data = RecordDataReader.Create(RecordReader.Create(new MemoryStream(bytes), RecordFormat.Fixed, 250, "ENTRYIN"), EntryDecoder());
        for (var r = 0; r < line; r++) data.Read().Should().BeTrue();
        var act = () => data.Read();
        act.Should().Throw<CobolDataException>()
            .WithMessage($"ENTRYIN record {line + 1}: Invalid data in field EL-FOREIGN-VALUE at offset 29: invalid sign nibble 0xA (raw hex *)");
    }
}
