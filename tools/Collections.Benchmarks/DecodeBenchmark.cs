using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Decoding;
using Collections.Cobol.Records;
using Collections.Cobol.Text;

namespace Collections.Benchmarks;

/// <summary>
/// Issue 2, item 8: decodes a generated file of the legacy's ENTRYIN layout (ENTRYREC.cpy: H/L/T records of 250 bytes,
/// packed, zoned and alphanumeric fields) and compares with the raw read of the same file; issue 12, item 6: the JSON
/// Lines of <c>cobol decode</c> (CompiledRecordDecoder + RecordJsonWriter) in the same rounds.
/// Usage: <c>decode [records=1000000] [--keep]</c>.
/// </summary>
public sealed class DecodeBenchmark : IBenchmarkCommand
{
    private const int RecordLength = 250;

    public string Name => "decode";

    public string Description => "decode a generated 1M-record ENTRYIN file (issue 2): raw read vs full field decode";

    private readonly record struct Field(string Name, int Offset, FieldCodec Codec);

    private static readonly OverpunchStyle Style = OverpunchStyle.AsciiEbcdicLetters;

    private static Field[] Layout(params (string Name, FieldCodec Codec)[] fields)
    {
        var result = new Field[fields.Length];
        var offset = 0;
        for (var i = 0; i < fields.Length; i++)
        {
            result[i] = new Field(fields[i].Name, offset, fields[i].Codec);
            offset += fields[i].Codec.Length;
        }
        return result;
    }

    private static FieldCodec X(int n) => FieldCodec.Alphanumeric(n, CodePage.Latin1);
    private static FieldCodec N(int digits) => FieldCodec.Zoned(digits, 0, SignPlacement.Unsigned, Style);
    private static FieldCodec P(int digits, int scale) => FieldCodec.Packed(digits, scale, signed: true);

    // ENTRYREC.cpy, FILLER omitted (it is not a field anyone decodes)
    private static readonly Field[] Header = Layout(
        ("ER-REC-TYPE", X(1)), ("EH-FILER-CODE", X(3)), ("EH-ENTRY-SERIAL", N(7)), ("EH-CHECK-DIGIT", N(1)),
        ("EH-ENTRY-TYPE", X(2)), ("EH-IMPORTER-NO", X(12)), ("EH-PORT-CODE", N(4)), ("EH-ENTRY-DATE", N(8)),
        ("EH-EXPORT-DATE", N(8)), ("EH-TRANSPORT-MODE", N(2)), ("EH-PAYMENT-TYPE", N(1)), ("EH-STMT-DATE", N(8)),
        ("EH-CURRENCY-CODE", X(3)), ("EH-MANUAL-FLAG", X(1)), ("EH-LINE-COUNT", N(3)));

    private static readonly Field[] Line = Layout(
        ("ER-REC-TYPE", X(1)), ("EL-ENTRY-NO", X(11)), ("EL-LINE-NO", N(3)), ("EL-HTS-NO", X(10)),
        ("EL-ORIGIN-COUNTRY", X(2)), ("EL-SPI-CODE", X(2)), ("EL-FOREIGN-VALUE", P(13, 2)), ("EL-NET-QUANTITY", P(11, 2)),
        ("EL-QUANTITY-UNIT", X(3)), ("EL-NET-KG", P(11, 2)), ("EL-CH99-COUNT", N(1)), ("EL-CH99-NO(1)", X(10)),
        ("EL-CH99-NO(2)", X(10)), ("EL-CH99-NO(3)", X(10)), ("EL-ADCVD-CASE-NO", X(10)));

    private static readonly Field[] Trailer = Layout(
        ("ER-REC-TYPE", X(1)), ("ET-RECORD-COUNT", N(7)), ("ET-ENTRY-COUNT", N(7)), ("ET-VALUE-HASH", P(17, 2)));

    public int Run(string[] args)
    {
        var records = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal)
            ? int.Parse(args[0], CultureInfo.InvariantCulture)
            : 1_000_000;
        var keep = args.Contains("--keep");
        var dir = Path.Combine(Path.GetTempPath(), "collections-decode-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "ENTRYIN");
        try
        {
            var genWatch = Stopwatch.StartNew();
            var (h, l) = Generate(file, records);
            genWatch.Stop();
            var bytes = new FileInfo(file).Length;
            Console.Error.WriteLine($"generated {records:N0} records ({h:N0} H, {l:N0} L, 1 T), {bytes / 1e6:F1} MB in {genWatch.Elapsed.TotalSeconds:F1} s");

            var compiled = CreateCompiledDecoder();
            // the compiled decoder must produce exactly the values of the per-field codecs: same checksum, untimed
            var expected = FullDecode(file).Checksum;
            var verified = CompiledChecksum(file, compiled);
            if (verified != expected)
                throw new InvalidOperationException($"compiled decoder checksum {verified} differs from the per-field codecs' {expected}");

            // the JSON Lines of the CLI's path must be the tree's, byte for byte (untimed, on the first 20,000 records)
            VerifyJson(file, compiled, 20_000);

            // warm-up: one pass of each (JIT tiering, page cache)
            StreamRead(file);
            RawRead(file);
            FullDecode(file);
            CompiledDecode(file, compiled);
            JsonLines(file, compiled);

            // interleaved rounds, so that both passes see the same machine load (the machine is shared)
            const int passes = 9;
            Result? stream = null, raw = null, decode = null, comp = null, jsonl = null;
            var ratios = new List<double>();
            var cpuRatios = new List<double>();
            var oldRatios = new List<double>();
            var oldCpuRatios = new List<double>();
            var jsonRatios = new List<double>();
            var jsonCpuRatios = new List<double>();
            for (var round = 0; round < passes; round++)
            {
                var s = StreamRead(file);
                var r = RawRead(file);
                var c = CompiledDecode(file, compiled);
                var j = JsonLines(file, compiled);
                var d = FullDecode(file);
                ratios.Add(c.Elapsed.TotalSeconds / r.Elapsed.TotalSeconds);
                cpuRatios.Add(c.Cpu.TotalSeconds / r.Cpu.TotalSeconds);
                oldRatios.Add(d.Elapsed.TotalSeconds / r.Elapsed.TotalSeconds);
                oldCpuRatios.Add(d.Cpu.TotalSeconds / r.Cpu.TotalSeconds);
                jsonRatios.Add(j.Elapsed.TotalSeconds / r.Elapsed.TotalSeconds);
                jsonCpuRatios.Add(j.Cpu.TotalSeconds / r.Cpu.TotalSeconds);
                if (stream is null || s.Elapsed < stream.Value.Elapsed) stream = s;
                if (raw is null || r.Elapsed < raw.Value.Elapsed) raw = r;
                if (decode is null || d.Elapsed < decode.Value.Elapsed) decode = d;
                if (comp is null || c.Elapsed < comp.Value.Elapsed) comp = c;
                if (jsonl is null || j.Elapsed < jsonl.Value.Elapsed) jsonl = j;
            }
            var layoutPass = LayoutDecoderPass(file);
            if (raw!.Value.Records != records || decode!.Value.Records != records || comp!.Value.Records != records)
                throw new InvalidOperationException("record count mismatch");

            var sb = new StringBuilder();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Machine: {MachineInfo.Describe()}");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"File: {records:N0} records of {RecordLength} bytes ({bytes / 1e6:F1} MB; {h:N0} headers, {l:N0} lines, 1 trailer), generated with the codecs. Best of {passes} interleaved rounds after a warm-up pass; file in the page cache.");
            sb.AppendLine();
            sb.AppendLine("| Pass | Time (s) | Records/s | MB/s | Time vs raw record read |");
            sb.AppendLine("|---|---:|---:|---:|---:|");
            Row(sb, "FileStream.Read, 64 KiB blocks, touch one byte per record", stream!.Value, bytes, raw!.Value);
            Row(sb, "Raw record read (RecordReader, touch first and last byte)", raw.Value, bytes, raw.Value);
            Row(sb, $"**Full decode, CompiledRecordDecoder** (every field, {FieldsPerPass(h, l):N0} fields: packed, zoned, alphanumeric to chars; REDEFINES dispatch by the decoder)", comp!.Value, bytes, raw.Value);
            Row(sb, "Full decode, previous way (FieldCodec.DecodeUnscaled / CodePage.Decode per field, record type switch in the loop)", decode!.Value, bytes, raw.Value);
            Row(sb, $"**JSON Lines, the CLI's path** (CompiledRecordDecoder + RecordJsonWriter to a null stream, {jsonl!.Value.Checksum / 1e6:F0} MB of JSON)", jsonl.Value, bytes, raw.Value);
            if (layoutPass is { } lp)
                Row(sb, "JSON Lines, previous CLI path (layout-driven RecordDecoder: a tree of strings per record, then Utf8JsonWriter; one pass)", lp, bytes, raw.Value);
            sb.AppendLine();
            var cpuRaw = raw.Value.Cpu.TotalSeconds;
            sb.AppendLine(CultureInfo.InvariantCulture, $"CompiledRecordDecoder, median over the {passes} rounds of (decode / raw record read): wall {Median(ratios)}, process CPU time {Median(cpuRatios)}.");
            sb.AppendLine(CultureInfo.InvariantCulture, $"Previous way (FieldCodec per field), same rounds: wall {Median(oldRatios)}, process CPU time {Median(oldCpuRatios)}.");
            sb.AppendLine(CultureInfo.InvariantCulture, $"JSON Lines (CLI path), same rounds: wall {Median(jsonRatios)}, process CPU time {Median(jsonCpuRatios)}; fastest round {jsonl.Value.Cpu.TotalSeconds:F3} s CPU ({jsonl.Value.Cpu.TotalSeconds * 1e9 / records:F0} ns/record).");
            sb.AppendLine(CultureInfo.InvariantCulture, $"CPU time of the fastest round of each pass: raw read {cpuRaw:F3} s ({cpuRaw * 1e9 / records:F0} ns/record), compiled decode {comp.Value.Cpu.TotalSeconds:F3} s ({comp.Value.Cpu.TotalSeconds * 1e9 / records:F0} ns/record), previous decode {decode.Value.Cpu.TotalSeconds:F3} s ({decode.Value.Cpu.TotalSeconds * 1e9 / records:F0} ns/record).");
            sb.AppendLine(CultureInfo.InvariantCulture, $"Load average while measuring: {LoadAverage()}.");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Checksums: raw {raw.Value.Checksum}, previous decode {decode.Value.Checksum}, compiled decode (untimed verification pass over the decoded values) {verified}: equal, so both decoders produced the same values.");
            Console.WriteLine(sb.ToString());
            return 0;
        }
        finally
        {
            if (!keep) Directory.Delete(dir, recursive: true);
            else Console.Error.WriteLine("kept " + file);
        }
    }

    /// <summary>"4.10x (per round: ...)" from unsorted per-round ratios.</summary>
    private static string Median(List<double> ratios)
    {
        var sorted = ratios.OrderBy(x => x).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{sorted[sorted.Count / 2]:F2}x (per round: {string.Join(", ", ratios.Select(x => x.ToString("F2", CultureInfo.InvariantCulture)))})");
    }

    private static CompiledRecordDecoder CreateCompiledDecoder()
    {
        var copybook = FindLegacyCopybook("ENTRYREC.cpy")
            ?? throw new InvalidOperationException("ENTRYREC.cpy not found (set ACS_LEGACY_HOME)");
        var options = new RecordDecoderOptions();
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=H:ER-HEADER-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=L:ER-LINE-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=T:ER-TRAILER-DATA"));
        return CompiledRecordDecoder.Create(Collections.Cobol.Copybooks.CopybookLayout.Load(copybook), options);
    }

    // fully optimised from the first call (a pass runs a few times only; tiering would leave it at OSR code)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Result CompiledDecode(string file, CompiledRecordDecoder decoder)
    {
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        var values = decoder.CreateValues();
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
        while (reader.TryRead(out var record))
        {
            decoder.Decode(record.Span, values, "ENTRYIN", reader.RecordNumber);
        }
        sw.Stop();
        // the decoded values live in the reused holder (heap arrays): the work cannot be optimised away
        return new Result(sw.Elapsed, reader.RecordNumber, values.UnscaledValues[^1], Cpu() - cpu);
    }

    // fully optimised from the first call (a pass runs a few times only; tiering would leave it at OSR code)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Result JsonLines(string file, CompiledRecordDecoder decoder)
    {
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        var sink = new CountingStream();
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
        using (var json = RecordJsonWriter.Create(decoder, sink, leaveOpen: true))
        {
            while (reader.TryRead(out var record))
            {
                if (!json.Write(record.Span)) throw new InvalidDataException($"ENTRYIN record {reader.RecordNumber}: field errors");
            }
        }
        sw.Stop();
        return new Result(sw.Elapsed, reader.RecordNumber, sink.Written, Cpu() - cpu);
    }

    /// <summary>The first <paramref name="records"/> records as JSON Lines by RecordJsonWriter and by the tree of
    /// RecordDecoder through Utf8JsonWriter (the CLI's previous path): the same bytes, or an exception.</summary>
    private static void VerifyJson(string file, CompiledRecordDecoder compiled, int records)
    {
        var tree = RecordDecoder.Create(compiled.Layout, TypeOptions());
        var ours = new MemoryStream();
        var theirs = new System.Buffers.ArrayBufferWriter<byte>();
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
        using (var json = RecordJsonWriter.Create(compiled, ours, leaveOpen: true))
        using (var writer = new System.Text.Json.Utf8JsonWriter(theirs, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            while (reader.RecordNumber < records && reader.TryRead(out var record))
            {
                json.Write(record.Span);
                writer.Reset(theirs);
                tree.Decode(record.Span).WriteTo(writer);
                writer.Flush();
                System.Buffers.BuffersExtensions.Write(theirs, "\n"u8);
            }
        }
        if (!ours.ToArray().AsSpan().SequenceEqual(theirs.WrittenSpan))
            throw new InvalidOperationException("RecordJsonWriter's JSON Lines differ from the tree's");
    }

    private static RecordDecoderOptions TypeOptions()
    {
        var options = new RecordDecoderOptions();
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=H:ER-HEADER-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=L:ER-LINE-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=T:ER-TRAILER-DATA"));
        return options;
    }

    /// <summary>A stream that counts and drops what is written (the JSON goes nowhere; its size is reported).</summary>
    private sealed class CountingStream : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Written += count;

        public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>The checksum of <see cref="FullDecode"/> (numeric values plus the last character of each text field)
    /// computed from the compiled decoder's values, record by record.</summary>
    private static long CompiledChecksum(string file, CompiledRecordDecoder decoder)
    {
        long sum = 0;
        var values = decoder.CreateValues();
        var fields = decoder.Fields;
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
        while (reader.TryRead(out var record))
        {
            decoder.Decode(reader, values);
            foreach (var ordinal in values.ViewOrdinals)
            {
                if (!values.IsPresent(ordinal)) throw new InvalidOperationException($"{fields[ordinal].Name} absent");
                sum = unchecked(sum + (fields[ordinal].IsNumeric ? values.GetUnscaled(ordinal) : values.GetChars(ordinal)[^1]));
            }
        }
        return sum;
    }

    private static long FieldsPerPass(long h, long l) => h * Header.Length + l * Line.Length + Trailer.Length;

    private static void Row(StringBuilder sb, string name, Result r, long bytes, Result raw)
    {
        var s = r.Elapsed.TotalSeconds;
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {s:F3} | {r.Records / s:N0} | {bytes / 1e6 / s:F0} | {r.Elapsed.TotalSeconds / raw.Elapsed.TotalSeconds:F2}x |");
    }

    private readonly record struct Result(TimeSpan Elapsed, long Records, long Checksum, TimeSpan Cpu = default);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;


    // fully optimised from the first call (a pass runs a few times only; tiering would leave it at OSR code)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Result StreamRead(string file)
    {
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        var buffer = new byte[1 << 16];
        long sum = 0, total = 0;
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        int n;
        while ((n = fs.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < n; i += RecordLength) sum += buffer[i];
            total += n;
        }
        sw.Stop();
        return new Result(sw.Elapsed, total / RecordLength, sum, Cpu() - cpu);
    }

    // fully optimised from the first call (a pass runs a few times only; tiering would leave it at OSR code)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Result RawRead(string file)
    {
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        long sum = 0;
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
        while (reader.TryRead(out var record))
        {
            var span = record.Span;
            sum += span[0] + span[^1];
        }
        sw.Stop();
        return new Result(sw.Elapsed, reader.RecordNumber, sum, Cpu() - cpu);
    }

    // fully optimised from the first call (a pass runs a few times only; tiering would leave it at OSR code)
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Result FullDecode(string file)
    {
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        long sum = 0;
        Span<char> chars = stackalloc char[64];
        using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
        while (reader.TryRead(out var record))
        {
            var span = record.Span;
            var layout = span[0] switch
            {
                (byte)'H' => Header,
                (byte)'L' => Line,
                (byte)'T' => Trailer,
                _ => throw new InvalidDataException($"ENTRYIN record {reader.RecordNumber}: unknown record type"),
            };
            var failed = -1;
            try
            {
                sum = unchecked(sum + DecodeRecord(span, layout, chars, ref failed));
            }
            catch (CobolDataException ex) when (failed >= 0)
            {
                throw ex.WithField(layout[failed].Name, layout[failed].Offset).WithRecord("ENTRYIN", reader.RecordNumber);
            }
        }
        sw.Stop();
        return new Result(sw.Elapsed, reader.RecordNumber, sum, Cpu() - cpu);
    }

    /// <summary>The copybook parser's layout-driven decoder (cobol-layout helper) over the same file, one pass after a
    /// short warm-up; null when the legacy copybooks cannot be found.</summary>
    private static Result? LayoutDecoderPass(string file)
    {
        var copybook = FindLegacyCopybook("ENTRYREC.cpy");
        if (copybook is null)
        {
            Console.Error.WriteLine("ENTRYREC.cpy not found (set ACS_LEGACY_HOME): layout-driven decoder not measured");
            return null;
        }
        var layout = Collections.Cobol.Copybooks.CopybookLayout.Load(copybook);
        var options = new RecordDecoderOptions();
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=H:ER-HEADER-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=L:ER-LINE-DATA"));
        options.Selections.Add(RecordSelection.Parse("ER-REC-TYPE=T:ER-TRAILER-DATA"));
        var decoder = RecordDecoder.Create(layout, options);
        for (var round = 0; round < 2; round++)
        {
            var warm = round == 0;
            var cpu = Cpu();
            var sw = Stopwatch.StartNew();
            var sink = new CountingStream();
            using var json = new System.Text.Json.Utf8JsonWriter(sink, new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            using var fs = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var reader = RecordReader.Create(fs, RecordFormat.Fixed, RecordLength, "ENTRYIN");
            while (reader.TryRead(out var record))
            {
                var decoded = decoder.Decode(record.Span);
                json.Reset(sink);
                decoded.WriteTo(json);
                json.Flush();
                sink.WriteByte((byte)'\n');
                if (warm && reader.RecordNumber == 50_000) break;
            }
            var sum = sink.Written;
            sw.Stop();
            if (!warm) return new Result(sw.Elapsed, reader.RecordNumber, sum, Cpu() - cpu);
        }
        return null;
    }

    private static string? FindLegacyCopybook(string name)
    {
        var home = Environment.GetEnvironmentVariable("ACS_LEGACY_HOME");
        if (string.IsNullOrEmpty(home))
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Collections.sln")))
                {
                    home = Path.Combine(dir.FullName, "..", "shared", "legacy");
                    break;
                }
            }
        }
        var path = home is null ? null : Path.Combine(home, "copybooks", name);
        return path is not null && File.Exists(path) ? path : null;
    }

    /// <summary>Decodes every field of one record (no exception handling here, so the loop is fully optimised);
    /// <paramref name="current"/> tells the caller which field failed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long DecodeRecord(ReadOnlySpan<byte> span, Field[] layout, Span<char> chars, ref int current)
    {
        long sum = 0;
        for (var i = 0; i < layout.Length; i++)
        {
            current = i;
            var codec = layout[i].Codec;
            var raw = span.Slice(layout[i].Offset, codec.Length);
            if (codec.IsNumeric)
            {
                sum = unchecked(sum + codec.DecodeUnscaled(raw));
            }
            else
            {
                var n = codec.CodePage!.Decode(raw, chars);
                sum += chars[n - 1];
            }
        }
        return sum;
    }

    /// <summary>Writes entries of one header and 1-6 lines until <paramref name="records"/> - 1, then the trailer.</summary>
    private static (long Headers, long Lines) Generate(string file, int records)
    {
        var rng = new Random(20260302);
        var rec = new byte[RecordLength];
        long headers = 0, lines = 0, hash = 0;
        using var fs = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = RecordWriter.Create(fs, RecordFormat.Fixed, RecordLength);
        var serial = 1000000;
        var written = 0;
        while (written < records - 1)
        {
            var lineCount = Math.Min(rng.Next(1, 7), records - 2 - written);
            serial++;
            var entryNo = string.Create(CultureInfo.InvariantCulture, $"BXA{serial:D7}{serial % 10}");
            Fill(rec, Header,
                "H", "BXA", serial, serial % 10, "01", "12-3456789AB", 2704, 20260302, 20260215, 11, 2, 20260315, "EUR", "N", lineCount);
            writer.Write(rec);
            headers++;
            written++;
            for (var n = 1; n <= lineCount; n++)
            {
                var value = rng.NextInt64(-99_999_999, 9_999_999_999);
                hash += value;
                Fill(rec, Line,
                    "L", entryNo, n, "8471300100", "CN", "  ", value, rng.NextInt64(0, 99_999_999_999), "NO ",
                    rng.NextInt64(0, 9_999_999_999), 1, "9903880315", "", "", "A-570-001");
                writer.Write(rec);
                lines++;
                written++;
            }
        }
        Fill(rec, Trailer, "T", headers + lines, headers, hash);
        writer.Write(rec);
        return (headers, lines);
    }

    private static void Fill(byte[] rec, Field[] layout, params object[] values)
    {
        rec.AsSpan().Fill((byte)' ');
        for (var i = 0; i < layout.Length; i++)
        {
            var f = layout[i];
            var target = rec.AsSpan(f.Offset, f.Codec.Length);
            if (f.Codec.IsNumeric) f.Codec.EncodeUnscaled(Convert.ToInt64(values[i], CultureInfo.InvariantCulture), target);
            else f.Codec.EncodeText((string)values[i], target);
        }
    }
}
