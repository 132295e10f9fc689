using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Decoding;
using Collections.Cobol.Records;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections cobol layout</c> and <c>collections cobol decode</c>. Exit codes: 0 success; 1 usage, copybook or
/// file error (message on stderr naming the file); 2 (decode) at least one record had a field that failed to decode
/// (every record is still printed, the field as null and the error in the record's "errors" array).
/// </summary>
internal static class CobolCommands
{
    public const int ExitOk = 0;
    public const int ExitUsage = 1;
    public const int ExitFieldErrors = 2;

    public static Command Create()
    {
        var command = new Command("cobol", "COBOL data toolkit: copybook layouts and data-file decoding.");
        command.Subcommands.Add(CreateLayout());
        command.Subcommands.Add(CreateDecode());
        return command;
    }

    private static Option<string> CopybookOption() => new("--copybook")
    {
        Description = "Copybook file (fixed-format COBOL data description entries; COPY members are resolved from its folder and --include).",
        Required = true,
    };

    private static Option<string[]> IncludeOption() => new("--include", "-I")
    {
        Description = "Folder searched for COPY members (repeatable; extensions tried: none, .cpy, .CPY, .cbl, .CBL, .cob, .COB).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static Option<string> BinarySizeOption() => new("--binary-size")
    {
        Description = "cobc -fbinary-size used for binary (COMP/BINARY/COMP-5) item sizes: 2-4-8 (the legacy's, default) or 1-2-4-8.",
        DefaultValueFactory = _ => "2-4-8",
    };

    private static Command CreateLayout()
    {
        var copybook = CopybookOption();
        var include = IncludeOption();
        var binarySize = BinarySizeOption();
        var json = new Option<bool>("--json") { Description = "Print the layout as JSON instead of a table." };
        var command = new Command("layout",
            "Print each item's level, name, offset (0-based, from the start of its 01 record; first occurrence inside OCCURS), " +
            "length (one occurrence), PIC and usage, as cobc lays them out. Exit 0, or 1 when the copybook cannot be read or parsed.");
        command.Options.Add(copybook);
        command.Options.Add(include);
        command.Options.Add(binarySize);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var layout = LoadLayout(parse.GetValue(copybook)!, parse.GetValue(include), parse.GetValue(binarySize)!, error);
            if (layout is null) return ExitUsage;
            if (parse.GetValue(json))
            {
                var buffer = new MemoryStream();
                using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                {
                    LayoutReport.WriteJson(layout, writer);
                }
                output.Write(Encoding.UTF8.GetString(buffer.ToArray()));
                output.Write('\n');
            }
            else
            {
                LayoutReport.WriteTable(layout, output);
            }
            return ExitOk;
        });
        return command;
    }

    private static Command CreateDecode()
    {
        var copybook = CopybookOption();
        var include = IncludeOption();
        var binarySize = BinarySizeOption();
        var encoding = new Option<string>("--encoding")
        {
            Description = "ascii (default; signed zoned fields over-punched { A-I } J-R as the legacy writes them) or an EBCDIC code page (zoned signs C/D/F zones): " +
                          "cp037 (US/Canada), cp273 (Germany/Austria), cp285 (UK), cp500 (International), or their euro variants cp1140, cp1141, cp1146, cp1148.",
            DefaultValueFactory = _ => "ascii",
        };
        var format = new Option<string>("--format")
        {
            Description = "fixed (default; records of --record-length bytes), variable (GnuCOBOL COB_VARSEQ_FORMAT=0: 2-byte big-endian length without the prefix, 2 zero bytes), rdw (mainframe RDW, length includes the 4 bytes), line (LF-terminated text; short lines padded with spaces).",
            DefaultValueFactory = _ => "fixed",
        };
        var rdwEndian = new Option<string>("--rdw-endian")
        {
            Description = "Byte order of the 4-byte length prefix of variable and rdw records: big (default; the mainframe's and GnuCOBOL's: length in bytes 0-1) " +
                          "or little (the word reversed, as transfers from some platforms leave it: bytes 0-1 zero, length in bytes 2-3, low byte first).",
            DefaultValueFactory = _ => "big",
        };
        var select = new Option<string[]>("--select")
        {
            Description = "FIELD=VALUE:GROUP (repeatable). When FIELD holds VALUE, the record is read through GROUP (an item of a REDEFINES, or one of several 01 records) " +
                          "and the items sharing its storage are omitted. Without a matching selection only the redefined (first) item of each REDEFINES, " +
                          "and the first 01 record, are written. Numeric FIELDs compare by value (1 = 01 = 1.0), others by text without trailing spaces " +
                          "and trailing low-values (X'00'). VALUE may be a hexadecimal literal (X'C3'): raw bytes (a numeric FIELD: all its bytes).",
        };
        var recordLength = new Option<int?>("--record-length")
        {
            Description = "Record length for fixed and line formats (default: the longest 01 record of the copybook).",
        };
        var overpunch = new Option<string?>("--overpunch")
        {
            Description = "Zoned sign convention for ASCII files: ebcdic-letters (default, GnuCOBOL -fsign=EBCDIC) or gnucobol-ascii (p-y negatives).",
        };
        var packedSigns = new Option<string>("--packed-signs")
        {
            Description = "strict (default: C, F positive, D negative) or ibm (also A, E positive, B negative).",
            DefaultValueFactory = _ => "strict",
        };
        var nativeOrder = new Option<string?>("--native-byte-order")
        {
            Description = "Byte order of COMP-5 items: big or little (default: big for EBCDIC files, little for ASCII). COMP/BINARY are always big-endian.",
        };
        var floatFormat = new Option<string?>("--float-format")
        {
            Description = "COMP-1 / COMP-2 format: ibm (hexadecimal floating point, the mainframe's) or ieee (IEEE 754, GnuCOBOL's). " +
                          "Default: ibm for EBCDIC files, ieee for ASCII. Written as the shortest decimal that converts back to the same value.",
        };
        var floatOrder = new Option<string?>("--float-byte-order")
        {
            Description = "Byte order of COMP-1 / COMP-2 items: big or little (default: as COMP-5, see --native-byte-order).",
        };
        var data = new Argument<string>("DATAFILE") { Description = "The data file to decode." };
        var command = new Command("decode",
            "Decode a data file through a copybook and print JSON Lines, one object per record: {\"RECORD-01-NAME\":{...}} with fields keyed by " +
            "COBOL names in copybook order, groups as objects, OCCURS as arrays (DEPENDING ON: the count in the record), FILLER, level-66 RENAMES " +
            "and level-88 conditions omitted; numbers as exact decimal strings at the PIC scale (\"-919.00\"), COMP-1 / COMP-2 as the shortest decimal " +
            "that converts back to the same value (\"322.93671\", \"1.5E+30\"), text with trailing spaces kept. " +
            "A field that fails to decode is null and listed in the record's \"errors\" array (field, offset 0-based in the record, hex, reason). " +
            "Exit codes: 0 every record decoded; 2 some field failed (all records still printed); 1 usage, copybook or file error.");
        command.Options.Add(copybook);
        command.Options.Add(include);
        command.Options.Add(binarySize);
        command.Options.Add(encoding);
        command.Options.Add(format);
        command.Options.Add(rdwEndian);
        command.Options.Add(select);
        command.Options.Add(recordLength);
        command.Options.Add(overpunch);
        command.Options.Add(packedSigns);
        command.Options.Add(nativeOrder);
        command.Options.Add(floatFormat);
        command.Options.Add(floatOrder);
        command.Arguments.Add(data);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var layout = LoadLayout(parse.GetValue(copybook)!, parse.GetValue(include), parse.GetValue(binarySize)!, error);
            if (layout is null) return ExitUsage;

            var options = new RecordDecoderOptions();
            RecordFormat recordFormat;
            RdwByteOrder rdwOrder;
            try
            {
                options.Encoding = RecordDecoderOptions.ParseEncoding(parse.GetValue(encoding)!);
                options.Overpunch = parse.GetValue(overpunch) switch
                {
                    null => null,
                    "ebcdic-letters" => OverpunchStyle.AsciiEbcdicLetters,
                    "gnucobol-ascii" => OverpunchStyle.GnuCobolAscii,
                    var other => throw new FormatException($"--overpunch '{other}' is not ebcdic-letters or gnucobol-ascii"),
                };
                options.PackedSigns = parse.GetValue(packedSigns) switch
                {
                    "strict" => PackedSignPolicy.Strict,
                    "ibm" => PackedSignPolicy.Ibm,
                    var other => throw new FormatException($"--packed-signs '{other}' is not strict or ibm"),
                };
                options.NativeBinaryBigEndian = parse.GetValue(nativeOrder) switch
                {
                    null => null,
                    "big" => true,
                    "little" => false,
                    var other => throw new FormatException($"--native-byte-order '{other}' is not big or little"),
                };
                options.FloatFormat = parse.GetValue(floatFormat) switch
                {
                    null => null,
                    "ibm" => FloatFormat.IbmHexadecimal,
                    "ieee" => FloatFormat.Ieee754,
                    var other => throw new FormatException($"--float-format '{other}' is not ibm or ieee"),
                };
                options.FloatBigEndian = parse.GetValue(floatOrder) switch
                {
                    null => null,
                    "big" => true,
                    "little" => false,
                    var other => throw new FormatException($"--float-byte-order '{other}' is not big or little"),
                };
                recordFormat = parse.GetValue(format) switch
                {
                    "fixed" => RecordFormat.Fixed,
                    "variable" => RecordFormat.GnuCobolVariable,
                    "rdw" => RecordFormat.Rdw,
                    "line" => RecordFormat.LineSequential,
                    var other => throw new FormatException($"--format '{other}' is not fixed, variable, rdw or line"),
                };
                rdwOrder = parse.GetValue(rdwEndian) switch
                {
                    "big" => RdwByteOrder.BigEndian,
                    "little" => RdwByteOrder.LittleEndian,
                    var other => throw new FormatException($"--rdw-endian '{other}' is not big or little"),
                };
                options.PadShortRecords = recordFormat == RecordFormat.LineSequential;
                foreach (var s in parse.GetValue(select) ?? []) options.Selections.Add(RecordSelection.Parse(s));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                error.WriteLine("collections cobol decode: " + e.Message);
                return ExitUsage;
            }

            RecordDecoder decoder;
            try
            {
                decoder = RecordDecoder.Create(layout, options);
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"collections cobol decode: {layout.Copybook.FileName}: {e.Message}");
                return ExitUsage;
            }

            var dataFile = parse.GetValue(data)!;
            var length = parse.GetValue(recordLength) ?? decoder.MaxRecordLength;
            if (length <= 0)
            {
                error.WriteLine("collections cobol decode: --record-length must be positive");
                return ExitUsage;
            }
            // the compiled decoder writes JSON without a tree per record; numeric items of more than 18 digits are
            // beyond it, and those layouts go through the tree (the same text either way)
            CompiledRecordDecoder? compiled;
            try
            {
                compiled = CompiledRecordDecoder.Create(layout, options);
            }
            catch (NotSupportedException)
            {
                compiled = null;
            }
            return RunDecode(dataFile, recordFormat, rdwOrder, length, decoder, compiled, output, error);
        });
        return command;
    }

    private static int RunDecode(string dataFile, RecordFormat format, RdwByteOrder rdwOrder, int length, RecordDecoder decoder,
        CompiledRecordDecoder? compiled, TextWriter output, TextWriter error)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"collections cobol decode: {dataFile}: cannot open: {e.Message}");
            return ExitUsage;
        }
        using (stream)
        {
            var readerOptions = new RecordReaderOptions
            {
                Format = format,
                RecordLength = format is RecordFormat.Fixed or RecordFormat.LineSequential ? length : 0,
                RdwByteOrder = rdwOrder,
                FileName = dataFile,
                BufferSize = 1 << 18,
            };
            using var reader = RecordReader.Create(stream, readerOptions);
            // JSON Lines go to stdout as UTF-8 bytes (or, when the output is not the console, e.g. under test, through
            // the TextWriter); one writer, flushed before any message on stderr
            output.Flush();
            using var sink = ReferenceEquals(output, Console.Out) ? Console.OpenStandardOutput() : new TextWriterStream(output);
            using var json = compiled is null ? null : RecordJsonWriter.Create(compiled, sink, leaveOpen: true);
            using var tree = compiled is null ? new TreeJsonWriter(decoder, sink) : null;
            long records = 0, withErrors = 0;
            try
            {
                while (true)
                {
                    var status = reader.Read(out var record);
                    if (status == RecordReadStatus.EndOfFile) break;
                    records++;
                    if (status == RecordReadStatus.Truncated)
                    {
                        json?.Flush();
                        tree?.Flush();
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"collections cobol decode: {dataFile}: record {reader.RecordNumber} at offset {reader.RecordOffset} is truncated ({record.Length} bytes at end of file)"));
                    }
                    var ok = json?.Write(record.Span) ?? tree!.Write(record.Span);
                    if (!ok || status == RecordReadStatus.Truncated) withErrors++;
                }
            }
            catch (RecordFormatException e)
            {
                json?.Flush();
                tree?.Flush();
                error.WriteLine($"collections cobol decode: {dataFile}: {e.Message}");
                return ExitUsage;
            }
            catch (IOException e)
            {
                json?.Flush();
                tree?.Flush();
                error.WriteLine($"collections cobol decode: {dataFile}: read error: {e.Message}");
                return ExitUsage;
            }
            json?.Flush();
            tree?.Flush();
            if (withErrors > 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"collections cobol decode: {dataFile}: {records} records, {withErrors} with field errors"));
                return ExitFieldErrors;
            }
            return ExitOk;
        }
    }

    /// <summary>The layout-driven decoder's JSON Lines (a tree per record), for layouts the compiled decoder does not take.</summary>
    private sealed class TreeJsonWriter(RecordDecoder decoder, Stream sink) : IDisposable
    {
        private readonly Utf8JsonWriter _json = new(sink, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        public bool Write(ReadOnlySpan<byte> record)
        {
            var decoded = decoder.Decode(record);
            _json.Reset(sink);
            decoded.WriteTo(_json);
            _json.Flush();
            sink.WriteByte((byte)'\n');
            return decoded.Errors.Count == 0;
        }

        public void Flush() => sink.Flush();

        public void Dispose() => _json.Dispose();
    }

    /// <summary>A write-only stream decoding UTF-8 into a <see cref="TextWriter"/> (multi-byte characters may span writes).</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, true).GetDecoder();
        private char[] _chars = new char[4096];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (_chars.Length < needed) _chars = new char[Math.Max(needed, _chars.Length * 2)];
            var n = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, n);
        }

        public override void Flush() => writer.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static CopybookLayout? LoadLayout(string copybook, string[]? includes, string binarySize, TextWriter error)
    {
        try
        {
            var parserOptions = new CopybookParserOptions();
            foreach (var d in includes ?? []) parserOptions.IncludeDirectories.Add(d);
            var layoutOptions = new LayoutOptions { BinarySize = LayoutOptions.ParseBinarySize(binarySize) };
            return CopybookLayout.Load(copybook, parserOptions, layoutOptions);
        }
        catch (CopybookException e)
        {
            error.WriteLine("collections cobol: " + e.Message);
            return null;
        }
        catch (FormatException e)
        {
            error.WriteLine("collections cobol: " + e.Message);
            return null;
        }
    }
}
