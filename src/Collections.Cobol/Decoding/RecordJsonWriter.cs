using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Encodings.Web;
using System.Text.Json;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;

namespace Collections.Cobol.Decoding;

/// <summary>
/// Writes records as JSON Lines straight from a <see cref="CompiledRecordDecoder"/>'s layout: the same text, byte for
/// byte, as <see cref="RecordDecoder"/> + <see cref="DecodedRecord.WriteTo"/> through a <see cref="Utf8JsonWriter"/> with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (one object per record, then '\n'), without building a tree.
/// For each set of selected views the structure is compiled once into a program of literal byte runs (names, braces,
/// brackets, commas) and field ops. A record is transcoded in one pass from its bytes: text through a per-byte table of
/// its escaped UTF-8 (a run of plain printable ASCII is copied as it is), zoned and packed digits straight to decimal
/// text (no binary value in between), binary and floating-point items through their codecs. Any field that is not in its
/// canonical form (an invalid digit or sign, a short record, an OCCURS DEPENDING ON count out of range, but also a valid
/// variant such as an IBM packed sign A) sends the record through the decoder and the program's checked path, which
/// writes what the decoder decodes, nulls and the "errors" array.
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

    /// <summary>How a field is transcoded on the direct path.</summary>
    private enum Kind : byte
    {
        Text,
        ZonedPlain,
        ZonedTrailing,
        Packed,
        Codec,
        Float,
    }

    /// <summary>Value: A = ordinal, B = direct field op, the literal run before the value (its name) in LiteralOffset and
    /// LiteralLength. OdoOpen: A = count slot, B = instruction after the closing
    /// bracket, C = depending table. Guard: A = count slot, B = occurrence, C = the closing bracket's instruction.
    /// Literal: A = offset in the literal bytes, B = length.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct Ins(Code Code, int A, int B, int C, int LiteralOffset = 0, int LiteralLength = 0);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct FieldOp(Kind Kind, int Offset, int Length, int Scale, bool Signed, int PadNibble);

    private sealed class Program
    {
        public required Ins[] Code { get; init; }
        public required byte[] Literals { get; init; }
        public required FieldOp[] Fields { get; init; }
        public required CompiledRecordDecoder.DependingTable[] Tables { get; init; }

        /// <summary>Most bytes a record can take without its errors (text at its widest escape).</summary>
        public required int MaxLength { get; init; }

        /// <summary>The same program as straight-line steps for <see cref="RunFast"/>; null when it does not apply (an
        /// OCCURS DEPENDING ON table, a code page whose printable ASCII is not itself, no AVX2/BMI2).</summary>
        public FastProgram? Fast { get; set; }
    }

    /// <summary>How <see cref="RunFast"/> writes a field: a 32-byte text load, a 16-byte zoned load, an 8-byte packed
    /// load, or through the direct path's per-field code (<see cref="Field"/>).</summary>
    private enum FastKind : byte
    {
        Text,
        Zoned,
        Packed,
        Other,
    }

    /// <summary>One value of a fast program: the literal before it (the previous value's closing quote, separators, the
    /// member name and the value's opening quote), then the field. Mask: a bit per text byte.</summary>
    [StructLayout(LayoutKind.Auto)]
    private readonly record struct FastStep(FastKind Kind, int LiteralOffset, int LiteralLength, int Offset, int Length,
        int Scale, bool Signed, int PadNibble, uint Mask, int Op, int Ordinal);

    /// <summary>Steps, their literals (32 bytes of slack after the last) and the tail (the last closing quote, braces,
    /// "}\n"); records shorter than <see cref="MinLength"/> take the direct path.</summary>
    private sealed class FastProgram
    {
        public required FastStep[] Steps { get; init; }
        public required byte[] Literals { get; init; }
        public required int TailOffset { get; init; }
        public required int TailLength { get; init; }
        public required int MinLength { get; init; }

        /// <summary>The direct path's field ops (<see cref="FastStep.Op"/>), for the <see cref="FastKind.Other"/> steps.</summary>
        public required FieldOp[] Ops { get; init; }

        /// <summary>The steps as one emitted method (<see cref="EmitRun"/>); null: the loop.</summary>
        public EmittedRun? Emitted { get; set; }
    }

    private const int MaxEscape = 6; // \u00XX

    /// <summary>Room past a record's longest text for the 16-byte stores of the direct path.</summary>
    private const int Slack = 64;

    private readonly CompiledRecordDecoder _decoder;
    private readonly RecordValues _values;
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private readonly byte[][] _charJson = new byte[256][];
    private readonly bool[] _plain = new bool[256];
    private readonly CompiledField[] _fields;
    private readonly ushort[] _overpunch;
    private readonly byte _zone;
    private readonly bool _latin1;
    private readonly int[] _counts;
    private readonly byte[] _padded;
    private FieldOp[] _fastOps = [];
    private byte[] _buffer = new byte[1 << 18]; // output written in blocks of up to 256 KiB
    private int _used;

    private RecordJsonWriter(CompiledRecordDecoder decoder, Stream output, bool leaveOpen)
    {
        _decoder = decoder;
        _values = decoder.CreateValues();
        _output = output;
        _leaveOpen = leaveOpen;
        _fields = [.. decoder.Fields];
        _overpunch = decoder.OverpunchTable.ToArray();
        _zone = decoder.CodePage.IsEbcdic ? (byte)0xF0 : (byte)0x30;
        _latin1 = ReferenceEquals(decoder.CodePage, Collections.Cobol.Text.CodePage.Latin1);
        _counts = new int[Math.Max(decoder.DependingCount, 1)];
        _padded = new byte[decoder.PadShortRecords ? decoder.MaxRecordLength : 0];
        var page = decoder.CodePage;
        for (var b = 0; b < 256; b++)
        {
            var c = page.ToChar((byte)b);
            _charJson[b] = c == '\uFFFF' ? [] : Escaped(c.ToString());
            _plain[b] = _charJson[b] is [var only] && only == b;
        }
        // the 16-byte text path takes printable ASCII but '"' and '\\' as written as they are: only if the table agrees
        for (var b = 0x20; b <= 0x7E; b++)
        {
            if (b is '"' or '\\') continue;
            if (!_plain[b]) _latin1 = false;
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
        if (_decoder.PadShortRecords && record.Length < _decoder.MaxRecordLength)
        {
            record.CopyTo(_padded);
            _padded.AsSpan(record.Length).Fill(_decoder.SpaceByte);
            record = _padded;
        }
        var plan = _decoder.SelectPlan(record);
        if (plan.JsonProgram is not Program program)
        {
            program = Compile(plan);
            plan.JsonProgram = program;
        }
        Ensure(program.MaxLength + Slack);
        int end;
        if (program.Fast is { } fast && record.Length >= fast.MinLength)
        {
            end = RunFast(fast, record, _buffer, _used);
            if (end >= 0)
            {
                _used = end; // with the record's closing brace and newline
                return true;
            }
        }
        else
        {
            end = RunDirect(program, record, _buffer, _used);
        }
        var ok = true;
        if (end >= 0)
        {
            _used = end;
        }
        else
        {
            // a field not in canonical form: decode the record and write what the decoder makes of it
            ok = _decoder.TryDecode(record, _values);
            _used = Run(program, record, _buffer, _used, ok);
            if (!ok) WriteErrors();
        }
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
        unchecked // hot path: offsets and lengths within the record and the buffer
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
                        Buffer.BlockCopy(literals, ins.A, buffer, pos, ins.B);
                        pos += ins.B;
                        break;
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
                        Buffer.BlockCopy(literals, ins.LiteralOffset, buffer, pos, ins.LiteralLength);
                        pos += ins.LiteralLength;
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
    }

    /// <summary>The direct path: the record transcoded from its bytes; -1 when a field is not in canonical form (or the
    /// record is too short for it, or a count is out of range). Writes through refs: <see cref="Write"/> made room for
    /// the program's longest record plus <see cref="Slack"/> (16-byte stores may write past a value; what follows
    /// overwrites it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunDirect(Program program, ReadOnlySpan<byte> record, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            var code = program.Code;
            var fields = program.Fields;
            var counts = _counts;
            ref var lit0 = ref MemoryMarshal.GetArrayDataReference(program.Literals);
            ref var out0 = ref MemoryMarshal.GetArrayDataReference(buffer);
            ref var rec0 = ref MemoryMarshal.GetReference(record);
            var length = record.Length;
            for (var i = 0; i < code.Length; i++)
            {
                ref readonly var ins = ref code[i];
                switch (ins.Code)
                {
                    case Code.Literal:
                        Copy(ref Unsafe.Add(ref lit0, ins.A), ref Unsafe.Add(ref out0, pos), ins.B);
                        pos += ins.B;
                        break;
                    case Code.OdoOpen:
                        if (!_decoder.TryCount(program.Tables[ins.C], record, out var n)) return -1;
                        counts[ins.A] = n;
                        Unsafe.Add(ref out0, pos++) = (byte)'[';
                        break;
                    case Code.Guard:
                        if (ins.B > counts[ins.A]) i = ins.C - 1;
                        break;
                    default:
                    {
                        Copy(ref Unsafe.Add(ref lit0, ins.LiteralOffset), ref Unsafe.Add(ref out0, pos), ins.LiteralLength);
                        pos += ins.LiteralLength;
                        pos = Field(in fields[ins.B], ins.A, record, buffer, pos);
                        if (pos < 0) return -1;
                        break;
                    }
                }
            }
            return pos;
        }
    }

    /// <summary>
    /// The fast path, for records of at least <see cref="FastProgram.MinLength"/> bytes: each value's literal (names,
    /// quotes, separators) copied 32 bytes at a time, then text of up to 32 bytes loaded, checked and stored at once,
    /// zoned and packed digits as on the direct path; the record's closing brace and newline included. -1 when a field
    /// is not in canonical form (as on the direct path). Writes through refs: <see cref="Write"/> made room for the
    /// program's longest record plus <see cref="Slack"/>. Runs the program's emitted method (straight-line code, one
    /// call per field with its constants, no dispatch per field) when the runtime compiles dynamic code, else the steps
    /// in a loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int RunFast(FastProgram program, ReadOnlySpan<byte> record, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            ref var lit0 = ref MemoryMarshal.GetArrayDataReference(program.Literals);
            ref var out0 = ref MemoryMarshal.GetArrayDataReference(buffer);
            ref var rec0 = ref MemoryMarshal.GetReference(record);
            _fastOps = program.Ops;
            if (program.Emitted is { } emitted) return emitted(this, ref rec0, record.Length, ref out0, buffer, ref lit0, pos);
            var steps = program.Steps;
            for (var i = 0; i < steps.Length; i++)
            {
                ref readonly var s = ref steps[i];
                pos = s.Kind switch
                {
                    FastKind.Text => StepText(this, ref rec0, ref out0, buffer, ref lit0, pos, s.LiteralOffset, s.LiteralLength, s.Offset, s.Length, s.Mask),
                    FastKind.Zoned => StepZoned(this, ref rec0, ref out0, ref lit0, pos, s.LiteralOffset, s.LiteralLength, s.Offset, s.Length, s.Scale),
                    FastKind.Packed => StepPacked(ref rec0, ref out0, ref lit0, pos, s.LiteralOffset, s.LiteralLength, s.Offset, s.Length, s.PadNibble, s.Signed, s.Scale),
                    _ => StepOther(this, ref rec0, record.Length, ref out0, buffer, ref lit0, pos, s.LiteralOffset, s.LiteralLength, s.Op, s.Ordinal),
                };
                if (pos < 0) return -1;
            }
            return StepTail(ref out0, ref lit0, pos, program.TailOffset, program.TailLength);
        }
    }

    /// <summary>AppContext switch: when set, fast programs compiled afterwards run as a loop over their steps instead of
    /// an emitted method (the same output; for tests and as a way out).</summary>
    public const string InterpretSwitch = "Collections.Cobol.RecordJsonWriter.Interpret";

    /// <summary>Most values a fast program may have to be emitted as one method.</summary>
    private const int MaxEmittedSteps = 1000;

    /// <summary>A fast program as one method: <c>pos = Step...(constants)</c> per value, -1 as soon as one fails.</summary>
    private delegate int EmittedRun(RecordJsonWriter writer, ref byte rec0, int recordLength, ref byte out0, byte[] buffer, ref byte lit0, int pos);

    /// <summary>Emits <paramref name="program"/>'s steps as straight-line IL (the JIT inlines the step helpers with the
    /// step's offsets, lengths and scale as constants); null when the runtime does not compile dynamic code.</summary>
    private static EmittedRun? EmitRun(FastProgram program)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled) return null;
        if (AppContext.TryGetSwitch(InterpretSwitch, out var interpret) && interpret) return null;
        // past this many values the method would be too large for the JIT to optimise (it falls back to minimal
        // optimisation above 60,000 bytes of IL, about 2,000 steps): the loop is then the better choice
        if (program.Steps.Length > MaxEmittedSteps) return null;
        var byteRef = typeof(byte).MakeByRefType();
        var method = new DynamicMethod("RecordJsonWriter.Fast", typeof(int),
            [typeof(RecordJsonWriter), byteRef, typeof(int), byteRef, typeof(byte[]), byteRef, typeof(int)], typeof(RecordJsonWriter), skipVisibility: true);
        var il = method.GetILGenerator();
        var fail = il.DefineLabel();
        static MethodInfo Helper(string name) => typeof(RecordJsonWriter).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!;
        var text = Helper(nameof(StepText));
        var zoned = Helper(nameof(StepZoned));
        var packed = Helper(nameof(StepPacked));
        var other = Helper(nameof(StepOther));
        var tail = Helper(nameof(StepTail));
        // the emitted method's arguments: 0 writer, 1 ref rec0, 2 recordLength, 3 ref out0, 4 buffer, 5 ref lit0, 6 pos
        foreach (var s in program.Steps)
        {
            // each helper takes some of the arguments, then the step's constants (see its signature)
            var (helper, args, constants) = s.Kind switch
            {
                FastKind.Text => (text, new byte[] { 0, 1, 3, 4, 5, 6 }, new[] { s.LiteralOffset, s.LiteralLength, s.Offset, s.Length, unchecked((int)s.Mask) }),
                FastKind.Zoned => (zoned, [0, 1, 3, 5, 6], [s.LiteralOffset, s.LiteralLength, s.Offset, s.Length, s.Scale]),
                FastKind.Packed => (packed, [1, 3, 5, 6], [s.LiteralOffset, s.LiteralLength, s.Offset, s.Length, s.PadNibble, s.Signed ? 1 : 0, s.Scale]),
                _ => (other, [0, 1, 2, 3, 4, 5, 6], [s.LiteralOffset, s.LiteralLength, s.Op, s.Ordinal]),
            };
            foreach (var arg in args) il.Emit(OpCodes.Ldarg_S, arg);
            foreach (var constant in constants) il.Emit(OpCodes.Ldc_I4, constant);
            il.Emit(OpCodes.Call, helper);
            // pos = result; if (pos < 0) return -1
            il.Emit(OpCodes.Dup);
            il.Emit(OpCodes.Starg_S, (byte)6);
            il.Emit(OpCodes.Ldc_I4_0);
            il.Emit(OpCodes.Blt, fail);
        }
        // StepTail(ref out0, ref lit0, pos, tailOffset, tailLength)
        il.Emit(OpCodes.Ldarg_3);
        il.Emit(OpCodes.Ldarg_S, (byte)5);
        il.Emit(OpCodes.Ldarg_S, (byte)6);
        il.Emit(OpCodes.Ldc_I4, program.TailOffset);
        il.Emit(OpCodes.Ldc_I4, program.TailLength);
        il.Emit(OpCodes.Call, tail);
        il.Emit(OpCodes.Ret);
        il.MarkLabel(fail);
        il.Emit(OpCodes.Ldc_I4_M1);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<EmittedRun>();
    }

    /// <summary>A text value: the literal before it, then up to 32 bytes loaded, checked (below ' ' or above '~' (signed:
    /// 0x80-0xFF are negative), '"' and '\\' are not plain) and stored at once; other text through the table, quotes
    /// included (over the literal's opening quote; the next literal's first byte is the closing quote).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StepText(RecordJsonWriter writer, ref byte rec0, ref byte out0, byte[] buffer, ref byte lit0, int pos,
        int literalOffset, int literalLength, int offset, int length, uint mask)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            CopyLiteral(ref Unsafe.Add(ref lit0, literalOffset), ref Unsafe.Add(ref out0, pos), literalLength);
            pos += literalLength;
            ref var field = ref Unsafe.Add(ref rec0, offset);
            var v = Vector256.LoadUnsafe(ref field);
            var bad = Vector256.LessThan(v.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte()
                      | Vector256.Equals(v, Vector256.Create((byte)0x7F))
                      | Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\\'));
            if ((bad.ExtractMostSignificantBits() & mask) == 0)
            {
                v.StoreUnsafe(ref out0, (nuint)pos);
                return pos + length;
            }
            pos = writer.Text(MemoryMarshal.CreateReadOnlySpan(ref field, length), buffer, pos - 1);
            return pos < 0 ? -1 : pos - 1;
        }
    }

    /// <summary>An unsigned zoned value: the literal before it, then <see cref="ZonedBare"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StepZoned(RecordJsonWriter writer, ref byte rec0, ref byte out0, ref byte lit0, int pos,
        int literalOffset, int literalLength, int offset, int length, int scale)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            CopyLiteral(ref Unsafe.Add(ref lit0, literalOffset), ref Unsafe.Add(ref out0, pos), literalLength);
            return ZonedBare(ref Unsafe.Add(ref rec0, offset), length, scale, writer._zone, ref out0, pos + literalLength);
        }
    }

    /// <summary>A packed value: the literal before it, then <see cref="PackedBare"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StepPacked(ref byte rec0, ref byte out0, ref byte lit0, int pos,
        int literalOffset, int literalLength, int offset, int length, int padNibble, bool signed, int scale)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            CopyLiteral(ref Unsafe.Add(ref lit0, literalOffset), ref Unsafe.Add(ref out0, pos), literalLength);
            return PackedBare(ref Unsafe.Add(ref rec0, offset), length, padNibble, signed, scale, ref out0, pos + literalLength);
        }
    }

    /// <summary>Any other value: the literal before it, then the direct path's <see cref="Field"/> (its quotes over the
    /// literal's opening quote and under the next literal's first byte).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int StepOther(RecordJsonWriter writer, ref byte rec0, int recordLength, ref byte out0, byte[] buffer, ref byte lit0,
        int pos, int literalOffset, int literalLength, int op, int ordinal)
    {
        unchecked // offsets and lengths within the record and the buffer
        {
            CopyLiteral(ref Unsafe.Add(ref lit0, literalOffset), ref Unsafe.Add(ref out0, pos), literalLength);
            pos = writer.Field(in writer._fastOps[op], ordinal, MemoryMarshal.CreateReadOnlySpan(ref rec0, recordLength), buffer, pos + literalLength - 1);
            return pos < 0 ? -1 : pos - 1;
        }
    }

    /// <summary>The tail: the last closing quote, braces, "}\n".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int StepTail(ref byte out0, ref byte lit0, int pos, int literalOffset, int literalLength)
    {
        CopyLiteral(ref Unsafe.Add(ref lit0, literalOffset), ref Unsafe.Add(ref out0, pos), literalLength);
        return pos + literalLength;
    }

    /// <summary>Copies a run 32 bytes at a time (at least once; the fast literals have 32 bytes of slack).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLiteral(ref byte source, ref byte destination, int length)
    {
        unchecked // hot path: offsets and lengths within the literals and the buffer
        {
            nuint k = 0;
            do
            {
                Vector256.LoadUnsafe(ref source, k).StoreUnsafe(ref destination, k);
                k += 32;
            }
            while ((int)k < length);
        }
    }

    /// <summary>One field of the direct path, its quotes included; -1 when it is not in canonical form or past the end
    /// of the record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Field(in FieldOp op, int ordinal, ReadOnlySpan<byte> record, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            ref var out0 = ref MemoryMarshal.GetArrayDataReference(buffer);
            if ((uint)(op.Offset + op.Length) > (uint)record.Length) return -1;
            ref var field = ref Unsafe.Add(ref MemoryMarshal.GetReference(record), op.Offset);
            var wide = op.Offset + 16 <= record.Length; // a 16-byte load at the field stays in the record
            switch (op.Kind)
            {
                case Kind.Text:
                    pos = wide && op.Length <= 16 && _latin1
                        ? TextVector(ref field, op.Length, ref out0, pos, buffer)
                        : Text(MemoryMarshal.CreateReadOnlySpan(ref field, op.Length), buffer, pos);
                    break;
                case Kind.ZonedPlain:
                    pos = wide && op.Length <= 16
                        ? ZonedVector(ref field, op.Length, op.Scale, ref out0, pos)
                        : ZonedPlain(MemoryMarshal.CreateReadOnlySpan(ref field, op.Length), op.Scale, buffer, pos);
                    break;
                case Kind.ZonedTrailing:
                    pos = ZonedTrailing(MemoryMarshal.CreateReadOnlySpan(ref field, op.Length), op.Scale, buffer, pos);
                    break;
                case Kind.Packed:
                    pos = op.Length <= 8 && op.Offset + op.Length >= 8 && Bmi2.X64.IsSupported && Ssse3.IsSupported
                        ? PackedVector(ref field, op, ref out0, pos)
                        : Packed(MemoryMarshal.CreateReadOnlySpan(ref field, op.Length), op, buffer, pos);
                    break;
                case Kind.Float:
                {
                    var f = _fields[ordinal];
                    if (!FloatingPoint.TryRead(MemoryMarshal.CreateReadOnlySpan(ref field, op.Length), f.Codec.FloatFormat, f.Codec.BigEndian, out var bits, out _)) return -1;
                    buffer[pos++] = (byte)'"';
                    var text = FloatingPoint.Format(bits, f.Length, f.Codec.FloatFormat);
                    for (var k = 0; k < text.Length; k++) buffer[pos + k] = (byte)text[k];
                    pos += text.Length;
                    buffer[pos++] = (byte)'"';
                    break;
                }
                default:
                {
                    var f = _fields[ordinal];
                    if (!f.Codec.TryDecodeUnscaled(MemoryMarshal.CreateReadOnlySpan(ref field, op.Length), out var value)) return -1;
                    buffer[pos++] = (byte)'"';
                    pos += FixedPoint.FormatUtf8(value, op.Scale, buffer.AsSpan(pos));
                    buffer[pos++] = (byte)'"';
                    break;
                }
            }
            return pos;
        }
    }

    /// <summary>Copies a short run 16 bytes at a time (the literal bytes have 16 bytes of slack after the last run).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ref byte source, ref byte destination, int length)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            for (var k = 0; k < length; k += 16)
            {
                Vector128.LoadUnsafe(ref source, (nuint)k).StoreUnsafe(ref destination, (nuint)k);
            }
        }
    }

    /// <summary>Latin-1 text of up to 16 bytes, loaded at once: written as it is when every byte is plain printable
    /// ASCII, else through the table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int TextVector(ref byte field, int length, ref byte out0, int pos, byte[] buffer)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            var v = Vector128.LoadUnsafe(ref field);
            var bad = Vector128.LessThan(v, Vector128.Create((byte)0x20)) | Vector128.GreaterThan(v, Vector128.Create((byte)0x7E))
                      | Vector128.Equals(v, Vector128.Create((byte)'"')) | Vector128.Equals(v, Vector128.Create((byte)'\\'));
            if ((bad.ExtractMostSignificantBits() & ((1u << length) - 1)) != 0)
                return Text(MemoryMarshal.CreateReadOnlySpan(ref field, length), buffer, pos);
            Unsafe.Add(ref out0, pos) = (byte)'"';
            v.StoreUnsafe(ref out0, (nuint)(pos + 1));
            pos += length + 1;
            Unsafe.Add(ref out0, pos) = (byte)'"';
            return pos + 1;
        }
    }

    /// <summary>Unsigned zoned digits of up to 16 bytes, loaded at once: validated (every byte of the plain zone), turned
    /// into ASCII digits, leading zeros dropped, and written as FixedPoint.Format writes the value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int ZonedVector(ref byte field, int length, int scale, ref byte out0, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            Unsafe.Add(ref out0, pos) = (byte)'"';
            var end = ZonedBare(ref field, length, scale, _zone, ref out0, pos + 1);
            if (end < 0) return -1;
            Unsafe.Add(ref out0, end) = (byte)'"';
            return end + 1;
        }
    }

    /// <summary><see cref="ZonedVector"/> without the quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ZonedBare(ref byte field, int length, int scale, byte zone, ref byte out0, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            var v = Vector128.LoadUnsafe(ref field);
            var lanes = (1u << length) - 1;
            var zoneOk = Vector128.Equals(v & Vector128.Create((byte)0xF0), Vector128.Create(zone));
            var digit = v & Vector128.Create((byte)0x0F);
            var ok = zoneOk & Vector128.LessThanOrEqual(digit, Vector128.Create((byte)9));
            if ((~ok.ExtractMostSignificantBits() & lanes) != 0) return -1;
            var nonZero = ~Vector128.Equals(digit, Vector128<byte>.Zero).ExtractMostSignificantBits() & lanes;
            return DigitsBare(digit | Vector128.Create((byte)'0'), length, nonZero, negative: false, scale, ref out0, pos);
        }
    }

    /// <summary>Writes the ASCII digits in the low <paramref name="length"/> lanes of <paramref name="ascii"/> as
    /// FixedPoint.Format writes their value (<paramref name="nonZero"/>: a bit per non-zero digit), without quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DigitsBare(Vector128<byte> ascii, int length, uint nonZero, bool negative, int scale, ref byte out0, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            if (nonZero == 0)
            {
                Unsafe.Add(ref out0, pos++) = (byte)'0';
                if (scale > 0)
                {
                    Unsafe.Add(ref out0, pos++) = (byte)'.';
                    Vector128.Create((byte)'0').StoreUnsafe(ref out0, (nuint)pos);
                    if (scale > 16) Vector128.Create((byte)'0').StoreUnsafe(ref out0, (nuint)(pos + 16));
                    pos += scale;
                }
                return pos;
            }
            if (negative) Unsafe.Add(ref out0, pos++) = (byte)'-';
            var first = BitOperations.TrailingZeroCount(nonZero);
            var n = length - first;
            var intDigits = n - Math.Max(scale, 0);
            if (intDigits <= 0)
            {
                // 0.000ddd
                Unsafe.Add(ref out0, pos++) = (byte)'0';
                Unsafe.Add(ref out0, pos++) = (byte)'.';
                Vector128.Create((byte)'0').StoreUnsafe(ref out0, (nuint)pos);
                if (-intDigits > 16) Vector128.Create((byte)'0').StoreUnsafe(ref out0, (nuint)(pos + 16));
                pos += -intDigits;
                ShiftLeft(ascii, first).StoreUnsafe(ref out0, (nuint)pos);
                return pos + n;
            }
            ShiftLeft(ascii, first).StoreUnsafe(ref out0, (nuint)pos);
            pos += intDigits;
            if (scale > 0)
            {
                Unsafe.Add(ref out0, pos++) = (byte)'.';
                ShiftLeft(ascii, length - scale).StoreUnsafe(ref out0, (nuint)pos);
                pos += scale;
            }
            else if (scale < 0)
            {
                Vector128.Create((byte)'0').StoreUnsafe(ref out0, (nuint)pos);
                if (-scale > 16) Vector128.Create((byte)'0').StoreUnsafe(ref out0, (nuint)(pos + 16));
                pos += -scale;
            }
            return pos;
        }
    }

    private static readonly Vector128<byte>[] ShiftMasks = BuildShiftMasks();

    private static Vector128<byte>[] BuildShiftMasks()
    {
        var masks = new Vector128<byte>[17];
        Span<byte> m = stackalloc byte[16];
        for (var s = 0; s <= 16; s++)
        {
            for (var k = 0; k < 16; k++) m[k] = k + s < 16 ? (byte)(k + s) : (byte)0x80;
            masks[s] = Vector128.Create((ReadOnlySpan<byte>)m);
        }
        return masks;
    }

    /// <summary>The lanes from <paramref name="shift"/> on, moved to the front.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> ShiftLeft(Vector128<byte> v, int shift) =>
        Ssse3.IsSupported ? Ssse3.Shuffle(v, ShiftMasks[shift]) : Vector128.Shuffle(v, ShiftMasks[shift]);

    /// <summary>A packed field of up to 8 bytes (15 digits): its nibbles spread to bytes (PDEP), validated, as ASCII
    /// digits written as FixedPoint.Format writes the value; -1 for a sign other than C, F (or D when signed), a
    /// non-zero pad nibble or a nibble above 9. Reads the 8 bytes that end with the field.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PackedVector(ref byte field, in FieldOp op, ref byte out0, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            Unsafe.Add(ref out0, pos) = (byte)'"';
            var end = PackedBare(ref field, op.Length, op.PadNibble, op.Signed, op.Scale, ref out0, pos + 1);
            if (end < 0) return -1;
            Unsafe.Add(ref out0, end) = (byte)'"';
            return end + 1;
        }
    }

    /// <summary><see cref="PackedVector"/> without the quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PackedBare(ref byte field, int length, int padNibble, bool signed, int scale, ref byte out0, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            // the field right-aligned in 8 bytes, big-endian: nibbles from the top, the sign nibble last
            var word = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref field, length - 8)));
            var sign = (int)(word & 0x0F);
            bool negative;
            if (sign is 0x0C or 0x0F) negative = false;
            else if (sign == 0x0D && signed) negative = true;
            else return -1;
            var nibbles = length * 2 - 1; // digits, with the pad nibble
            var digits = word >> 4;       // the digit nibbles, the last one lowest
            if (nibbles < 16) digits &= (1UL << (4 * nibbles)) - 1;
            // 15 nibbles to 16 bytes: the high 8 nibbles (7 used) and the low 8, each spread by PDEP
            var high = Bmi2.X64.ParallelBitDeposit(digits >> 32, 0x0F0F_0F0F_0F0F_0F0FUL);
            var low = Bmi2.X64.ParallelBitDeposit(digits & 0xFFFF_FFFFUL, 0x0F0F_0F0F_0F0F_0F0FUL);
            // bytes in memory order: the most significant digit first (reverse each half's byte order)
            var v = Vector128.Create(BinaryPrimitives.ReverseEndianness(high), BinaryPrimitives.ReverseEndianness(low)).AsByte();
            // v holds 16 digit lanes, the last 'nibbles' of them the field's; move those to the front
            var start = 16 - nibbles + padNibble;
            var count = nibbles - padNibble;
            if (padNibble == 1 && v.GetElement(16 - nibbles) != 0) return -1;
            var lanes = (1u << count) - 1;
            var d = ShiftLeft(v, start);
            if ((~Vector128.LessThanOrEqual(d, Vector128.Create((byte)9)).ExtractMostSignificantBits() & lanes) != 0) return -1;
            var nonZero = ~Vector128.Equals(d, Vector128<byte>.Zero).ExtractMostSignificantBits() & lanes;
            return DigitsBare(d | Vector128.Create((byte)'0'), count, nonZero, negative && nonZero != 0, scale, ref out0, pos);
        }
    }

    /// <summary>Unsigned zoned digits (all of the plain zone) as <see cref="FixedPoint.Format(long, int)"/> writes their
    /// value; -1 when a byte is not a plain digit.</summary>
    private int ZonedPlain(ReadOnlySpan<byte> field, int scale, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            var zone = _zone;
            var first = -1;
            for (var k = 0; k < field.Length; k++)
            {
                var b = field[k];
                if ((b & 0xF0) != zone || (b & 0x0F) > 9) return -1;
                if (first < 0 && (b & 0x0F) != 0) first = k;
            }
            return Digits(field, first, negative: false, last: -1, scale, buffer, pos);
        }
    }

    /// <summary>Zoned digits with the sign over-punched on the last one (through the decoder's table of sign bytes).</summary>
    private int ZonedTrailing(ReadOnlySpan<byte> field, int scale, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            var zone = _zone;
            var e = _overpunch[field[^1]];
            if (e == 0) return -1;
            var last = (byte)(e & 0xFF);
            var first = -1;
            for (var k = 0; k < field.Length - 1; k++)
            {
                var b = field[k];
                if ((b & 0xF0) != zone || (b & 0x0F) > 9) return -1;
                if (first < 0 && (b & 0x0F) != 0) first = k;
            }
            if (first < 0 && (last & 0x0F) != 0) first = field.Length - 1;
            return Digits(field, first, (e & 0x100) != 0, last, scale, buffer, pos);
        }
    }

    /// <summary>
    /// Writes "digits" as FixedPoint.Format does: the digit bytes of <paramref name="field"/> from
    /// <paramref name="first"/> (the first non-zero one; -1 for zero), the last one replaced by <paramref name="last"/>
    /// when it is not -1, with the decimal point <paramref name="scale"/> digits from the right (P scaling: zeros after),
    /// '-' only for a non-zero negative value. Digits are written as the low nibble of each byte.
    /// </summary>
    private static int Digits(ReadOnlySpan<byte> field, int first, bool negative, int last, int scale, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            buffer[pos++] = (byte)'"';
            if (first < 0)
            {
                buffer[pos++] = (byte)'0';
                if (scale > 0)
                {
                    buffer[pos++] = (byte)'.';
                    buffer.AsSpan(pos, scale).Fill((byte)'0');
                    pos += scale;
                }
                buffer[pos++] = (byte)'"';
                return pos;
            }
            if (negative) buffer[pos++] = (byte)'-';
            var n = field.Length - first; // significant digits
            var intDigits = n - Math.Max(scale, 0);
            if (intDigits <= 0)
            {
                buffer[pos++] = (byte)'0';
                buffer[pos++] = (byte)'.';
                buffer.AsSpan(pos, -intDigits).Fill((byte)'0');
                pos += -intDigits;
            }
            for (var k = first; k < field.Length; k++)
            {
                if (k - first == intDigits && intDigits > 0) buffer[pos++] = (byte)'.';
                var b = k == field.Length - 1 && last >= 0 ? (byte)last : field[k];
                buffer[pos++] = (byte)('0' + (b & 0x0F));
            }
            if (scale < 0)
            {
                buffer.AsSpan(pos, -scale).Fill((byte)'0');
                pos += -scale;
            }
            buffer[pos++] = (byte)'"';
            return pos;
        }
    }

    /// <summary>Packed digits straight to text: C and F positive, D negative (signed items), a zero pad nibble for an
    /// even digit count; -1 for anything else (the decoder then decides).</summary>
    private static int Packed(ReadOnlySpan<byte> field, FieldOp op, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
        {
            var sign = field[^1] & 0x0F;
            bool negative;
            if (sign is 0x0C or 0x0F) negative = false;
            else if (sign == 0x0D && op.Signed) negative = true;
            else return -1;
            // nibbles: 2 per byte, the last is the sign; the first is a pad when PadNibble
            var nibbles = field.Length * 2 - 1;
            var start = op.PadNibble;
            if (start == 1 && (field[0] >> 4) != 0) return -1;
            Span<byte> digits = stackalloc byte[40]; // at most 18 digits (a compiled decoder's packed items)
            var count = nibbles - start;
            var first = -1;
            for (var k = start; k < nibbles; k++)
            {
                var d = (k & 1) == 0 ? field[k >> 1] >> 4 : field[k >> 1] & 0x0F;
                if (d > 9) return -1;
                if (first < 0 && d != 0) first = k - start;
                digits[k - start] = (byte)d;
            }
            return Digits(digits[..count], first, negative, last: -1, op.Scale, buffer, pos);
        }
    }

    /// <summary>A text field as a JSON string: plain printable ASCII copied as it is, other bytes through the table; -1
    /// for a byte the code page does not define.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Text(ReadOnlySpan<byte> field, byte[] buffer, int pos)
    {
        unchecked // hot path: offsets and lengths within the record and the buffer
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
                if (escaped.Length == 0) return -1; // a byte the code page does not define: the decoder reports it
                escaped.CopyTo(buffer, pos);
                pos += escaped.Length;
            }
            buffer[pos++] = (byte)'"';
            return pos;
        }
    }

    private void WriteErrors()
    {
        var errors = _values.Errors;
        var sink = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(sink, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true }))
        {
            DecodedRecord.WriteErrors(json, errors);
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
        var builder = new ProgramBuilder(_decoder, plan);
        builder.Literal("{");
        var first = true;
        foreach (var r in plan.Records)
        {
            builder.Member(r.DisplayName, first);
            first = false;
            builder.Group(r, 0);
        }
        var program = builder.Build(_fields);
        program.Fast = BuildFast(program);
        return program;
    }

    /// <summary>The fast form of <paramref name="program"/> (see <see cref="Program.Fast"/>): every value a JSON string,
    /// its quotes moved into the literals around it; each field's kind chosen for records of the decoder's longest
    /// length (a load past the field must stay in the record), the rest through <see cref="Field"/>.</summary>
    private FastProgram? BuildFast(Program program)
    {
        if (!_latin1 || !Vector256.IsHardwareAccelerated || !Bmi2.X64.IsSupported || !Ssse3.IsSupported) return null;
        var length = _decoder.MaxRecordLength;
        var steps = new List<FastStep>();
        var literals = new List<byte>();
        var pending = new List<byte>();
        var min = 0;
        foreach (var ins in program.Code)
        {
            switch (ins.Code)
            {
                case Code.Literal:
                    pending.AddRange(program.Literals.AsSpan(ins.A, ins.B));
                    break;
                case Code.Value:
                {
                    pending.AddRange(program.Literals.AsSpan(ins.LiteralOffset, ins.LiteralLength));
                    pending.Add((byte)'"');
                    var op = program.Fields[ins.B];
                    var (kind, need) = op.Kind switch
                    {
                        Kind.Text when op.Length <= 32 && op.Offset + 32 <= length => (FastKind.Text, op.Offset + 32),
                        Kind.ZonedPlain when op.Length <= 16 && op.Offset + 16 <= length => (FastKind.Zoned, op.Offset + 16),
                        Kind.Packed when op.Length <= 8 && op.Offset + op.Length >= 8 => (FastKind.Packed, op.Offset + op.Length),
                        _ => (FastKind.Other, 0),
                    };
                    min = Math.Max(min, need);
                    var mask = op.Length >= 32 ? uint.MaxValue : (1u << op.Length) - 1;
                    steps.Add(new FastStep(kind, literals.Count, pending.Count, op.Offset, op.Length, op.Scale, op.Signed, op.PadNibble, mask, ins.B, ins.A));
                    literals.AddRange(pending);
                    pending.Clear();
                    pending.Add((byte)'"');
                    break;
                }
                default:
                    return null; // OCCURS DEPENDING ON: the direct path
            }
        }
        if (steps.Count == 0) return null; // no value: the direct path
        pending.AddRange("}\n"u8);
        var tail = literals.Count;
        literals.AddRange(pending);
        literals.AddRange(new byte[32]); // slack for 32-byte copies of the last run
        var fast = new FastProgram
        {
            Steps = [.. steps], Literals = [.. literals], TailOffset = tail, TailLength = pending.Count, MinLength = min,
            Ops = program.Fields,
        };
        fast.Emitted = EmitRun(fast);
        return fast;
    }

    private sealed class ProgramBuilder(CompiledRecordDecoder decoder, CompiledRecordDecoder.Plan plan)
    {
        private readonly HashSet<LayoutField> active = plan.Active;
        private readonly List<Ins> _code = [];
        private readonly List<byte> _literals = [];
        private readonly List<FieldOp> _fieldOps = [];
        private readonly List<CompiledRecordDecoder.DependingTable> _tables = [];
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
            var table = plan.Tables.First(t => t.Table == f && t.Offset == f.Offset + shift);
            _code.Add(new Ins(Code.OdoOpen, slot, 0, _tables.Count));
            _tables.Add(table);
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
            // the pending literal (the member name, braces before it) goes with the value: one dispatch for both
            var literal = System.Text.Encoding.UTF8.GetBytes(_pending.ToString());
            _pending.Clear();
            var ordinal = decoder.OrdinalOf(f, shift);
            _code.Add(new Ins(Code.Value, ordinal, _fieldOps.Count, 0, _literals.Count, literal.Length));
            _literals.AddRange(literal);
            _fieldOps.Add(DirectOp(decoder.Fields[ordinal]));
        }

        /// <summary>How the direct path writes the field.</summary>
        private static FieldOp DirectOp(CompiledField f)
        {
            var c = f.Codec;
            var kind = c.Kind switch
            {
                FieldKind.Alphanumeric => Kind.Text,
                FieldKind.Float => Kind.Float,
                FieldKind.Zoned when c.SignPlacement == SignPlacement.Unsigned => Kind.ZonedPlain,
                FieldKind.Zoned when c.SignPlacement == SignPlacement.TrailingOverpunch => Kind.ZonedTrailing,
                FieldKind.Packed => Kind.Packed,
                _ => Kind.Codec,
            };
            return new FieldOp(kind, f.Offset, f.Length, c.Scale, c.Signed, c.Kind == FieldKind.Packed && c.Digits % 2 == 0 ? 1 : 0);
        }

        private void FlushLiteral()
        {
            if (_pending.Length == 0) return;
            var bytes = System.Text.Encoding.UTF8.GetBytes(_pending.ToString());
            _code.Add(new Ins(Code.Literal, _literals.Count, bytes.Length, 0));
            _literals.AddRange(bytes);
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
                    Code.Literal => ins.B,
                    Code.OdoOpen => 4,
                    Code.Guard => 0,
                    _ => ins.LiteralLength + (fields[ins.A].Kind == FieldKind.Alphanumeric ? 2 + MaxEscape * fields[ins.A].Length : 66),
                };
            }
            _literals.AddRange(new byte[16]); // slack for 16-byte copies of the last run
            return new Program { Code = [.. _code], Literals = [.. _literals], Fields = [.. _fieldOps], Tables = [.. _tables], MaxLength = max };
        }
    }
}
