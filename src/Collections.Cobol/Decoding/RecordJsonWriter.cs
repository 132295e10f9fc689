using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;

namespace Collections.Cobol.Decoding;

/// <summary>
/// Writes records as JSON Lines straight from a <see cref="CompiledRecordDecoder"/>: the same text, byte for byte, as
/// <see cref="RecordDecoder"/> + <see cref="DecodedRecord.WriteTo"/> through a <see cref="Utf8JsonWriter"/> with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (one object per record, then '\n'), without building a tree:
/// for each set of selected views the structure is compiled once into a program of literal byte runs (names,
/// braces, brackets, commas) and value slots; a record is decoded into one reused <see cref="RecordValues"/> and the
/// program copies literals, formats numbers from the unscaled values and copies text bytes through a per-byte table
/// of their escaped UTF-8 (a run of plain printable ASCII, the common case, is copied as it is).
/// Buffered: call <see cref="Flush"/> (or dispose) at the end. Not thread-safe: one per output.
/// </summary>
public sealed class RecordJsonWriter : IDisposable
{
    private enum Code : byte
    {
        Literal,
        Value,
        OdoOpen,
        Guard,
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Ins(Code Code, int A, int B, int C);

    private sealed class Program
    {
        public required Ins[] Code { get; init; }
        public required byte[][] Literals { get; init; }

        /// <summary>Most bytes a record can take without its errors (text at its widest escape).</summary>
        public required int MaxLength { get; init; }
    }

    private const int MaxEscape = 6; // \u00XX

    private readonly CompiledRecordDecoder _decoder;
    private readonly RecordValues _values;
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly Dictionary<CompiledRecordDecoder.Plan, Program> _programs = new(ReferenceEqualityComparer.Instance);
    private readonly byte[][] _charJson = new byte[256][];
    private readonly bool[] _plain = new bool[256];
    private readonly CompiledField[] _fields;
    private byte[] _buffer = new byte[1 << 16];
    private int _used;

    private RecordJsonWriter(CompiledRecordDecoder decoder, Stream output, bool leaveOpen)
    {
        _decoder = decoder;
        _values = decoder.CreateValues();
        _output = output;
        _leaveOpen = leaveOpen;
        _fields = [.. decoder.Fields];
        var page = decoder.CodePage;
        for (var b = 0; b < 256; b++)
        {
            var c = page.ToChar((byte)b);
            _charJson[b] = c == '\uFFFF' ? [] : Escaped(c.ToString());
            _plain[b] = _charJson[b] is [var only] && only == b;
        }
    }

    /// <summary>A writer of <paramref name="decoder"/>'s records to <paramref name="output"/>.</summary>
    public static RecordJsonWriter Create(CompiledRecordDecoder decoder, Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite) throw new ArgumentException("stream is not writable", nameof(output));
        return new RecordJsonWriter(decoder, output, leaveOpen);
    }

    /// <summary>Fields of the last record written that failed to decode (as <see cref="RecordDecoder"/> lists them).</summary>
    public IReadOnlyList<FieldError> Errors => _values.Errors;

    /// <summary>Decodes <paramref name="record"/> and writes it as one JSON line; false when a field failed to decode
    /// (it is null and listed in the record's "errors").</summary>
    public bool Write(ReadOnlySpan<byte> record)
    {
        var ok = _decoder.TryDecode(record, _values);
        if (_decoder.PadShortRecords && record.Length < _decoder.MaxRecordLength) record = _values.Padded;
        var plan = _values.Plan!;
        if (!_programs.TryGetValue(plan, out var program))
        {
            program = Compile(plan);
            _programs[plan] = program;
        }
        Ensure(program.MaxLength + 2);
        _used = Run(program, record, _buffer, _used, ok);
        if (!ok) WriteErrors();
        Ensure(2);
        _buffer[_used++] = (byte)'}';
        _buffer[_used++] = (byte)'\n';
        return ok;
    }

    public void Flush()
    {
        if (_used > 0)
        {
            _output.Write(_buffer, 0, _used);
            _used = 0;
        }
        _output.Flush();
    }

    public void Dispose()
    {
        Flush();
        if (!_leaveOpen) _output.Dispose();
    }

    private void Ensure(int bytes)
    {
        if (_buffer.Length - _used >= bytes) return;
        if (_used > 0)
        {
            _output.Write(_buffer, 0, _used);
            _used = 0;
        }
        if (_buffer.Length < bytes) _buffer = new byte[Math.Max(bytes, _buffer.Length * 2)];
    }

    // ---------------------------------------------------------------- running a program

    private int Run(Program program, ReadOnlySpan<byte> record, byte[] buffer, int pos, bool ok)
    {
        var code = program.Code;
        var literals = program.Literals;
        var values = _values;
        var counts = values.Counts;
        var unscaled = values.Values;
        for (var i = 0; i < code.Length; i++)
        {
            var ins = code[i];
            switch (ins.Code)
            {
                case Code.Literal:
                {
                    var lit = literals[ins.A];
                    lit.CopyTo(buffer, pos);
                    pos += lit.Length;
                    break;
                }
                case Code.OdoOpen:
                    if (counts[ins.A] < 0)
                    {
                        "null"u8.CopyTo(buffer.AsSpan(pos));
                        pos += 4;
                        i = ins.B - 1; // past the closing bracket
                    }
                    else
                    {
                        buffer[pos++] = (byte)'[';
                    }
                    break;
                case Code.Guard:
                    if (ins.B > counts[ins.A]) i = ins.C - 1;
                    break;
                default:
                {
                    var ordinal = ins.A;
                    if (!ok && values.IsInvalid(ordinal))
                    {
                        "null"u8.CopyTo(buffer.AsSpan(pos));
                        pos += 4;
                        break;
                    }
                    var f = _fields[ordinal];
                    switch (f.Kind)
                    {
                        case FieldKind.Alphanumeric:
                            pos = Text(record.Slice(f.Offset, f.Length), buffer, pos);
                            break;
                        case FieldKind.Float:
                        {
                            buffer[pos++] = (byte)'"';
                            var text = FloatingPoint.Format(unchecked((ulong)unscaled[ordinal]), f.Length, f.Codec.FloatFormat);
                            for (var k = 0; k < text.Length; k++) buffer[pos + k] = (byte)text[k];
                            pos += text.Length;
                            buffer[pos++] = (byte)'"';
                            break;
                        }
                        default:
                            buffer[pos++] = (byte)'"';
                            pos += FixedPoint.FormatUtf8(unscaled[ordinal], f.Scale, buffer.AsSpan(pos));
                            buffer[pos++] = (byte)'"';
                            break;
                    }
                    break;
                }
            }
        }
        return pos;
    }

    /// <summary>A text field as a JSON string: plain printable ASCII copied as it is, other bytes through the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Text(ReadOnlySpan<byte> field, byte[] buffer, int pos)
    {
        buffer[pos++] = (byte)'"';
        var plain = _plain;
        var k = 0;
        while (k < field.Length && plain[field[k]]) k++;
        field[..k].CopyTo(buffer.AsSpan(pos));
        pos += k;
        for (; k < field.Length; k++)
        {
            var b = field[k];
            if (plain[b])
            {
                buffer[pos++] = b;
                continue;
            }
            var escaped = _charJson[b];
            escaped.CopyTo(buffer, pos);
            pos += escaped.Length;
        }
        buffer[pos++] = (byte)'"';
        return pos;
    }

    private void WriteErrors()
    {
        var errors = _values.Errors;
        var sink = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(sink, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            json.WritePropertyName("errors");
            json.WriteStartArray();
            foreach (var e in errors)
            {
                json.WriteStartObject();
                json.WriteString("field", e.Field);
                json.WriteNumber("offset", e.Offset);
                json.WriteString("hex", e.Hex);
                json.WriteString("reason", e.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        Ensure(sink.WrittenCount + 1);
        _buffer[_used++] = (byte)',';
        sink.WrittenSpan.CopyTo(_buffer.AsSpan(_used));
        _used += sink.WrittenCount;
    }

    /// <summary>The JSON string text (without quotes) Utf8JsonWriter writes for <paramref name="text"/>.</summary>
    private static byte[] Escaped(string text)
    {
        var sink = new ArrayBufferWriter<byte>(16);
        using (var json = new Utf8JsonWriter(sink, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStringValue(text);
        }
        return sink.WrittenSpan[1..^1].ToArray();
    }

    // ---------------------------------------------------------------- compiling a program

    private Program Compile(CompiledRecordDecoder.Plan plan)
    {
        var builder = new ProgramBuilder(_decoder, plan.Active);
        builder.Literal("{");
        var first = true;
        foreach (var r in plan.Records)
        {
            builder.Member(r.DisplayName, first);
            first = false;
            builder.Group(r, 0);
        }
        return builder.Build(_fields);
    }

    private sealed class ProgramBuilder(CompiledRecordDecoder decoder, HashSet<LayoutField> active)
    {
        private readonly List<Ins> _code = [];
        private readonly List<byte[]> _literals = [];
        private readonly System.Text.StringBuilder _pending = new();

        public void Literal(string text) => _pending.Append(text);

        /// <summary>A member name: <c>"NAME":</c>, after a comma unless it is the first of its object.</summary>
        public void Member(string name, bool first)
        {
            if (!first) _pending.Append(',');
            _pending.Append('"').Append(System.Text.Encoding.UTF8.GetString(Escaped(name))).Append("\":");
        }

        public void Group(LayoutField group, int shift)
        {
            Literal("{");
            var first = true;
            foreach (var c in group.Children)
            {
                if (c.IsFiller || c.IsRenames || !CompiledRecordDecoder.Visible(c, active)) continue;
                Member(c.DisplayName, first);
                first = false;
                Item(c, shift);
            }
            Literal("}");
        }

        private void Item(LayoutField f, int shift)
        {
            if (f.Occurs is null)
            {
                One(f, shift);
                return;
            }
            if (f.DependingOn is null)
            {
                Literal("[");
                for (var i = 0; i < f.OccursMax; i++)
                {
                    if (i > 0) Literal(",");
                    One(f, shift + i * f.Length);
                }
                Literal("]");
                return;
            }
            var slot = decoder.SlotOf(f, shift);
            FlushLiteral();
            var open = _code.Count;
            _code.Add(new Ins(Code.OdoOpen, slot, 0, 0));
            var guards = new List<int>();
            for (var i = 0; i < f.OccursMax; i++)
            {
                FlushLiteral();
                guards.Add(_code.Count);
                _code.Add(new Ins(Code.Guard, slot, i + 1, 0));
                if (i > 0) Literal(",");
                One(f, shift + i * f.Length);
            }
            FlushLiteral();
            var close = _code.Count;
            Literal("]");
            FlushLiteral();
            var after = _code.Count;
            _code[open] = _code[open] with { B = after };
            foreach (var g in guards) _code[g] = _code[g] with { C = close };
        }

        private void One(LayoutField f, int shift)
        {
            if (f.IsGroup)
            {
                Group(f, shift);
                return;
            }
            FlushLiteral();
            _code.Add(new Ins(Code.Value, decoder.OrdinalOf(f, shift), 0, 0));
        }

        private void FlushLiteral()
        {
            if (_pending.Length == 0) return;
            _code.Add(new Ins(Code.Literal, _literals.Count, 0, 0));
            _literals.Add(System.Text.Encoding.UTF8.GetBytes(_pending.ToString()));
            _pending.Clear();
        }

        public Program Build(CompiledField[] fields)
        {
            FlushLiteral();
            var max = 0;
            foreach (var ins in _code)
            {
                max += ins.Code switch
                {
                    Code.Literal => _literals[ins.A].Length,
                    Code.OdoOpen => 4,
                    Code.Guard => 0,
                    _ => fields[ins.A].Kind == FieldKind.Alphanumeric ? 2 + MaxEscape * fields[ins.A].Length : 66,
                };
            }
            return new Program { Code = [.. _code], Literals = [.. _literals], MaxLength = max };
        }
    }
}
