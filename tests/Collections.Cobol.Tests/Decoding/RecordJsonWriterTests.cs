using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Testing;

namespace Collections.Cobol.Tests.Decoding;

/// <summary>
/// <see cref="RecordJsonWriter"/> writes numbers and text straight from the record's bytes, and sends a record through the
/// decoder whenever a field is not in canonical form: on every 2-byte value of packed (odd and even digits, signed and
/// unsigned, scaled), zoned (unsigned, trailing over-punch, scaled, P-scaled) and text fields, placed where the 16-byte
/// path reads them and at the end of the record (the byte-by-byte path), in ASCII and EBCDIC, its JSON must be the
/// tree's, byte for byte. With a tail after the fields (a text of 32 bytes, then 40 bytes), every field but the first
/// packed one is written by the fast path (32-byte text loads, 16-byte zoned loads, 8-byte packed loads ending at the
/// field), through the emitted method and through the loop over its steps (<see cref="RecordJsonWriter.InterpretSwitch"/>).
/// (The other comparisons run in CompiledRecordDecoderTests' AssertSame.)
/// </summary>
public sealed class RecordJsonWriterTests
{
    private const string Copybook = """
       01  R.
           05  R-LEAD          PIC X(4).
           05  W-P3            PIC S9(3) COMP-3.
           05  W-P2            PIC 99 COMP-3.
           05  W-P1V           PIC S9V99 COMP-3.
           05  W-Z2            PIC 99.
           05  W-ZT            PIC S99.
           05  W-ZV            PIC 9V9.
           05  W-ZP            PIC 99PP.
           05  W-X2            PIC X(2).
           05  R-GAP           PIC X(16).
           05  E-P3            PIC S9(3) COMP-3.
           05  E-P2            PIC 9(3)V9 COMP-3.
           05  E-Z2            PIC 99.
           05  E-ZT            PIC S9V9.
           05  E-X2            PIC X(2).
""";

    private const string Tail = """
           05  W-X32           PIC X(32).
           05  R-TAIL          PIC X(40).
""";

    private static CopybookLayout Layout(bool tail) =>
        CopybookLayout.Compute(CopybookParser.Parse(tail ? Copybook + "\n" + Tail : Copybook, "r.cpy"));

    /// <summary>Sets <see cref="RecordJsonWriter.InterpretSwitch"/> until disposed (writers created meanwhile run their
    /// fast programs as a loop).</summary>
    private sealed class Interpreting : IDisposable
    {
        private readonly bool _set;

        public Interpreting(bool set)
        {
            _set = set;
            if (set) AppContext.SetSwitch(RecordJsonWriter.InterpretSwitch, true);
        }

        public void Dispose()
        {
            if (_set) AppContext.SetSwitch(RecordJsonWriter.InterpretSwitch, false);
        }
    }

    [Theory]
    [InlineData("ascii", false, false)]
    [InlineData("cp037", false, false)]
    [InlineData("ascii", true, false)]
    [InlineData("ascii", true, true)]
    [InlineData("cp037", true, false)]
    public void Write_EachFieldThroughItsValues_JsonOfTheTree(string encoding, bool tail, bool interpret)
    {
        using var culture = HostileCulture.Enter();
        using var mode = new Interpreting(interpret);
        var layout = Layout(tail);
        var options = new RecordDecoderOptions { Encoding = RecordDecoderOptions.ParseEncoding(encoding) };
        var tree = RecordDecoder.Create(layout, options);
        var compiled = CompiledRecordDecoder.Create(layout, options);
        var stream = new MemoryStream();
        using var writer = RecordJsonWriter.Create(compiled, stream, leaveOpen: true);
        var fields = compiled.Fields.Where(f => f.Name.StartsWith("W-", StringComparison.Ordinal) || f.Name.StartsWith("E-", StringComparison.Ordinal)).ToList();
        // every other field holds a valid zero (or blanks): the record goes the direct way unless the field under test stops it
        var baseline = new byte[layout.Records[0].Length];
        options.CodePage.Encode("", baseline);
        foreach (var f in fields)
        {
            if (f.IsNumeric) f.Codec.EncodeUnscaled(0, baseline.AsSpan(f.Offset, f.Length));
        }
        byte[] interesting = [0x00, 0x0C, 0x0D, 0x0F, 0x1C, 0x1D, 0x20, 0x22, 0x30, 0x31, 0x35, 0x39, 0x3A, 0x40, 0x41, 0x49, 0x4A, 0x52, 0x5C,
            0x70, 0x79, 0x7B, 0x7D, 0x7F, 0x80, 0x9F, 0xA0, 0xC0, 0xC1, 0xC9, 0xCA, 0xD0, 0xD1, 0xD9, 0xDA, 0xE9, 0xF0, 0xF1, 0xF9, 0xFA, 0xFF];
        var mismatches = new List<string>();
        int direct = 0, decoded = 0;
        foreach (var f in fields)
        {
            // packed fields through all 65,536 values (every sign and pad nibble), the others through the interesting bytes
            var values = f.Kind == Collections.Cobol.Codecs.FieldKind.Packed
                ? Enumerable.Range(0, 65536).Select(v => ((byte)(v >> 8), (byte)(v & 0xFF)))
                : interesting.SelectMany(a => interesting.Select(b => (a, b)));
            foreach (var (hi, lo) in values)
            {
                var record = (byte[])baseline.Clone();
                record[f.Offset + f.Length - 2] = hi;
                record[f.Offset + f.Length - 1] = lo;
                stream.SetLength(0);
                var ok = writer.Write(record);
                writer.Flush();
                var expected = tree.Decode(record);
                var got = Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
                var want = TreeJson(expected);
                if (got != want || ok != (expected.Errors.Count == 0)) mismatches.Add($"{f.Name} {hi:X2}{lo:X2}: {got} vs {want}");
                if (ok) direct++;
                else decoded++;
            }
        }
        mismatches.Should().BeEmpty();
        direct.Should().BeGreaterThan(5000);
        decoded.Should().BeGreaterThan(5000);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void Write_ValidValues_EveryShapeOnBothPaths(bool tail, bool interpret)
    {
        // every digit pattern of the scaled and P-scaled items: zero, leading zeros, all digits, at the 16-byte and the
        // byte-by-byte places (or, with the tail, the fast path's), without errors
        using var mode = new Interpreting(interpret);
        var layout = Layout(tail);
        var options = new RecordDecoderOptions();
        var tree = RecordDecoder.Create(layout, options);
        var compiled = CompiledRecordDecoder.Create(layout, options);
        var stream = new MemoryStream();
        using var writer = RecordJsonWriter.Create(compiled, stream, leaveOpen: true);
        var rng = new Random(12);
        for (var n = 0; n < 20000; n++)
        {
            var record = new byte[layout.Records[0].Length];
            options.CodePage.Encode("", record);
            foreach (var f in compiled.Fields.Where(f => f.Name.StartsWith("W-", StringComparison.Ordinal) || f.Name.StartsWith("E-", StringComparison.Ordinal)))
            {
                var codec = f.Codec;
                var digits = codec.Digits;
                var magnitude = rng.Next(4) == 0 ? 0 : rng.NextInt64((long)Math.Pow(10, rng.Next(1, digits + 1)));
                if (codec.IsNumeric) codec.EncodeUnscaled(codec.Signed && rng.Next(2) == 0 ? -magnitude : magnitude, record.AsSpan(f.Offset, f.Length));
                else codec.EncodeText(rng.Next(3) == 0 ? "" : "A\"\\"[..rng.Next(1, 3)], record.AsSpan(f.Offset, f.Length));
            }
            stream.SetLength(0);
            writer.Write(record).Should().BeTrue();
            writer.Flush();
            Encoding.UTF8.GetString(stream.ToArray()).Should().Be(TreeJson(tree.Decode(record)), Convert.ToHexString(record));
        }
    }

    [Fact]
    public void Write_MoreValuesThanOneEmittedMethodTakes_JsonOfTheTree()
    {
        // 1,200 values: beyond the emitted method's size limit, the fast program runs as a loop
        var layout = CopybookLayout.Compute(CopybookParser.Parse("""
       01  R.
           05  T-ITEM          PIC X(2) OCCURS 1200 TIMES.
           05  T-NUM           PIC 9(3).
           05  R-TAIL          PIC X(40).
""", "r.cpy"));
        var options = new RecordDecoderOptions();
        var tree = RecordDecoder.Create(layout, options);
        var compiled = CompiledRecordDecoder.Create(layout, options);
        var stream = new MemoryStream();
        using var writer = RecordJsonWriter.Create(compiled, stream, leaveOpen: true);
        var rng = new Random(5);
        for (var n = 0; n < 50; n++)
        {
            var record = new byte[layout.Records[0].Length];
            for (var i = 0; i < record.Length; i++) record[i] = (byte)(n == 0 ? ' ' : rng.Next(0x20, 0x7F));
            "042"u8.CopyTo(record.AsSpan(2400)); // T-NUM: 42, a letter in it in every 7th record (an error)
            if (n % 7 == 3) record[2401] = (byte)'X';
            stream.SetLength(0);
            var ok = writer.Write(record);
            writer.Flush();
            var expected = tree.Decode(record);
            ok.Should().Be(expected.Errors.Count == 0);
            Encoding.UTF8.GetString(stream.ToArray()).Should().Be(TreeJson(expected));
        }
    }

    private static string TreeJson(DecodedRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            record.WriteTo(json);
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
