using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Records;
using Collections.Cobol.Text;

namespace Collections.Cobol.Decoding;

/// <summary>
/// A copybook layout compiled into flat decode plans, for bulk work: every elementary, non-FILLER item of the record
/// is decoded into a reusable <see cref="RecordValues"/> (numbers as unscaled <see cref="long"/>s, text as characters)
/// without allocating, strictly (an invalid digit, sign or character is an error naming the field, its offset, the raw
/// bytes in hex and, when given, the file and record number; never a silent zero).
/// <para>
/// The fields, their REDEFINES views and the <see cref="RecordSelection"/> dispatch are those of
/// <see cref="RecordDecoder"/> (same options, same visibility rules, same error reasons, same OCCURS DEPENDING ON
/// handling): only the representation differs. For each set of selected views the decoder compiles a plan, an array of
/// small op structs run by one loop with one switch: unsigned zoned fields of up to 8 digits are one 8-byte load and a
/// SWAR conversion, trailing over-punched ones the same after one table look-up, packed fields of up to 8 bytes
/// (15 digits) one big-endian 8-byte load validated and converted nibble-parallel, adjacent text fields one run
/// widened 16 bytes per step (Latin-1, the code page of ASCII files; EBCDIC through the code page table). Other shapes use the
/// codecs directly. A field the fast op rejects is decoded again by its generic codec (<see cref="CompiledField.Codec"/>),
/// which gives the error, so errors are those of the codecs by construction.
/// </para>
/// COMP-1 / COMP-2 items are held as their bits and formatted by <see cref="RecordValues.GetText"/> (or read with
/// <see cref="RecordValues.GetDouble"/>).
/// Limits: numeric items of more than 18 digits are not supported (use <see cref="RecordDecoder"/>).
/// Thread-safe; <see cref="RecordValues"/> is not (one per reader).
/// </summary>
public sealed class CompiledRecordDecoder
{
    internal enum OpCode : byte
    {
        Latin1Run,
        TableRun,
        ZonedUnsigned8,
        ZonedTrailing8,
        Zoned,
        Packed8,
        Packed,
        Binary,
        Float,
        Depending,
        Guard,
    }

    [StructLayout(LayoutKind.Auto)]
    internal struct Op
    {
        public OpCode Code;
        public int Offset;
        public int End;     // bytes [Offset, End); 0 for Depending and Guard (no bounds check)
        public int Slot;    // numeric: ordinal; run: run index; Depending / Guard: count slot
        public int Aux;     // Zoned: sign placement; Packed: signed; Binary: length; Depending: table index; Guard: occurrence
        public int Digits;  // numeric digits; Guard: index of the first op after the table
        public ulong A;
        public ulong B;
        public ulong C;
    }

    internal sealed class DependingTable
    {
        public required LayoutField Table { get; init; }
        public required LayoutField Count { get; init; }
        public required string Name { get; init; }
        public required int Offset { get; init; }
        public required int Key { get; init; }
    }

    internal sealed class Plan
    {
        public required Op[] Ops { get; init; }
        public required bool[] Present { get; init; }
        public required int[] View { get; init; }
        public required int[][] Runs { get; init; }
        public required DependingTable[] Tables { get; init; }

        /// <summary>The REDEFINES views and 01 records selected (as <see cref="RecordDecoder"/> computes them).</summary>
        public required HashSet<LayoutField> Active { get; init; }

        /// <summary>The level-01 records written, in copybook order.</summary>
        public required LayoutField[] Records { get; init; }

        /// <summary>The JSON program <see cref="RecordJsonWriter"/> compiled for this plan (immutable, the same for every
        /// writer; set once, a race only compiles it twice).</summary>
        public object? JsonProgram;
    }

    private sealed record Selector(LayoutField Field, RecordSelection Selection, LayoutField Group, SelectionTarget Target);

    private readonly CopybookLayout _layout;
    private readonly RecordDecoderOptions _options;
    private readonly CodePage _codePage;
    private readonly OverpunchStyle _overpunch;
    private readonly bool _nativeBigEndian;
    private readonly List<LayoutField> _records;
    private readonly List<CompiledField> _fields = [];
    private readonly Dictionary<(LayoutField, int), int> _ordinals = [];
    private readonly Dictionary<(LayoutField, int), (int Slot, int Key)> _slots = [];
    private readonly Selector[] _selectors;
    private readonly ConcurrentDictionary<ulong, Plan> _plans = new();
    private readonly Plan _defaultPlan;
    private readonly Plan[]? _byByte;
    private readonly (byte[] Value, Plan Plan)[]? _byValue;
    private readonly int _selectOffset;
    private readonly int _selectLength;
    private readonly ushort[] _overpunchTable;

    /// <summary>Trailing over-punched sign byte → 0 (not a valid sign digit) or (negative ? 0x100 : 0) | the plain digit byte.</summary>
    internal ReadOnlySpan<ushort> OverpunchTable => _overpunchTable;

    internal byte SpaceByte => _options.SpaceByte;
    private readonly char[] _textTable;
    private readonly OpCode _textOp;

    private CompiledRecordDecoder(CopybookLayout layout, RecordDecoderOptions options)
    {
        _layout = layout;
        _options = options;
        _codePage = options.CodePage;
        _overpunch = options.EffectiveOverpunch;
        _nativeBigEndian = options.EffectiveNativeBigEndian;
        _records = layout.Records.Where(r => r.Level == 1).ToList();
        if (_records.Count == 0) throw new ArgumentException("the copybook has no level-01 record", nameof(layout));
        MaxRecordLength = _records.Max(r => r.Length);
        PadShortRecords = options.PadShortRecords;
        foreach (var r in _records) CollectGroup(r, 0, "", []);

        _textTable = new char[256];
        for (var b = 0; b < 256; b++)
        {
            _textTable[b] = _codePage.ToChar((byte)b);
        }
        _textOp = ReferenceEquals(_codePage, CodePage.Latin1) ? OpCode.Latin1Run : OpCode.TableRun;
        _overpunchTable = BuildOverpunchTable(_overpunch);

        var selectors = new List<Selector>();
        foreach (var s in options.Selections)
        {
            var field = layout.Find(s.FieldName)!;
            var group = layout.Find(s.GroupName)!;
            selectors.Add(new Selector(field, s, group, s.Target(field, _codePage)));
        }
        if (selectors.Count > 64) throw new NotSupportedException("more than 64 record selections");
        _selectors = [.. selectors];
        _defaultPlan = BuildPlan(0);

        // the common dispatch: every selection compares the same text field (a record type code); the field's value
        // without trailing spaces and low-values picks the plan
        if (_selectors.Length > 0 && _selectors.All(s => s.Target.Kind is SelectionKind.Padded or SelectionKind.Never
                && s.Field.Offset == _selectors[0].Field.Offset && s.Field.Length == _selectors[0].Field.Length))
        {
            _selectOffset = _selectors[0].Field.Offset;
            _selectLength = _selectors[0].Field.Length;
            var values = new List<(byte[] Value, Plan Plan)>();
            foreach (var s in _selectors)
            {
                if (s.Target.Kind == SelectionKind.Never || values.Any(v => v.Value.AsSpan().SequenceEqual(s.Target.Bytes))) continue;
                ulong mask = 0;
                for (var k = 0; k < _selectors.Length; k++)
                {
                    if (_selectors[k].Target.Kind == SelectionKind.Padded && _selectors[k].Target.Bytes.AsSpan().SequenceEqual(s.Target.Bytes)) mask |= 1UL << k;
                }
                values.Add((s.Target.Bytes, _plans.GetOrAdd(mask, BuildPlan)));
            }
            if (_selectLength == 1)
            {
                _byByte = new Plan[256];
                Array.Fill(_byByte, _defaultPlan);
                foreach (var (value, plan) in values)
                {
                    if (value.Length == 1)
                    {
                        _byByte[value[0]] = plan;
                    }
                    else
                    {
                        // an empty value: a blank or low-value byte
                        _byByte[_codePage.Space] = plan;
                        _byByte[0] = plan;
                    }
                }
            }
            else
            {
                _byValue = [.. values];
            }
        }
    }

    /// <summary>Compiles a layout with <see cref="RecordDecoder"/>'s options (encoding, over-punch, packed signs, COMP-5
    /// byte order, short-record padding and the <c>FIELD=VALUE:GROUP</c> selections). Throws
    /// <see cref="ArgumentException"/> for an unusable selection (as <see cref="RecordDecoder.Create"/>) and
    /// <see cref="NotSupportedException"/> for a numeric item of more than 18 digits.</summary>
    public static CompiledRecordDecoder Create(CopybookLayout layout, RecordDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        RecordDecoder.Create(layout, options); // validates options and selections, with the same messages
        return new CompiledRecordDecoder(layout, options);
    }

    /// <summary>Every field of every view, in copybook order (ordinal = index).</summary>
    public IReadOnlyList<CompiledField> Fields => _fields;

    /// <summary>Largest record length of the layout (the record area).</summary>
    public int MaxRecordLength { get; }

    /// <summary>Records shorter than the layout are padded with spaces (<see cref="RecordDecoderOptions.PadShortRecords"/>).</summary>
    public bool PadShortRecords { get; }

    internal int DependingCount => _slots.Count;

    internal CodePage CodePage => _codePage;

    /// <summary>The ordinal of an elementary item at a shift (the OCCURS offsets of its enclosing tables).</summary>
    internal int OrdinalOf(LayoutField f, int shift) => _ordinals[(f, shift)];

    /// <summary>The count slot of an OCCURS DEPENDING ON table at a shift.</summary>
    internal int SlotOf(LayoutField table, int shift) => _slots[(table, shift)].Slot;

    /// <summary>An item of a group is written when its view is selected (RecordDecoder's rule, one place for both).</summary>
    internal static bool Visible(LayoutField c, HashSet<LayoutField> active)
    {
        if (c.Redefines is not null) return active.Contains(c);
        if (c.RedefinedBy.Count > 0)
        {
            if (active.Contains(c)) return true;
            foreach (var r in c.RedefinedBy) if (active.Contains(r)) return false;
        }
        return true;
    }

    public CopybookLayout Layout => _layout;

    /// <summary>The ordinal of the first field named <paramref name="name"/> (with subscripts for OCCURS, e.g.
    /// "EL-CH99-NO(2)"), or -1.</summary>
    public int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var f in _fields)
        {
            if (string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)) return f.Ordinal;
        }
        return -1;
    }

    /// <summary>A reusable value holder for this decoder's records.</summary>
    public RecordValues CreateValues() => new(this);

    /// <summary>
    /// Decodes a record; the first invalid field throws a <see cref="CobolDataException"/> naming the field, its offset,
    /// the raw bytes and (when <paramref name="recordNumber"/> is given) the file and record number.
    /// </summary>
    public void Decode(ReadOnlySpan<byte> record, RecordValues target, string? fileName = null, long recordNumber = -1)
    {
        // ops do not run in field order (text runs span numeric fields): collect every error, then throw the first in field order
        if (TryDecode(record, target)) return;
        var first = target.Errors[0];
        var error = new CobolDataException(first.Reason, Convert.FromHexString(first.Hex), first.Field, first.Offset);
        throw recordNumber >= 0 ? error.WithRecord(fileName, recordNumber) : error;
    }

    /// <summary>Decodes the record a <see cref="RecordReader"/> returned last (errors name its file and record number).</summary>
    public void Decode(RecordReader reader, RecordValues target)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Decode(reader.Current, target, reader.FileName, reader.RecordNumber);
    }

    /// <summary>
    /// Decodes a record, continuing past invalid fields: false when any failed, each listed in
    /// <see cref="RecordValues.Errors"/> (as <see cref="RecordDecoder"/> lists them) and not <see cref="RecordValues.IsPresent"/>.
    /// </summary>
    public bool TryDecode(ReadOnlySpan<byte> record, RecordValues target)
    {
        var plan = Prepare(ref record, target);
        var i = 0;
        while ((i = Run(plan, i, record, target)) >= 0)
        {
            Recover(plan, i, record, target);
            i++;
        }
        return target.ErrorList.Count == 0;
    }

    private Plan Prepare(ref ReadOnlySpan<byte> record, RecordValues target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!ReferenceEquals(target.Decoder, this)) throw new ArgumentException("the values were created by another decoder", nameof(target));
        if (PadShortRecords && record.Length < MaxRecordLength)
        {
            var padded = target.Padded;
            record.CopyTo(padded);
            padded.AsSpan(record.Length).Fill(_options.SpaceByte);
            record = padded;
        }
        var plan = SelectPlan(record);
        target.Reset(plan);
        return plan;
    }

    /// <summary>The plan of the views a record selects (padded first when the decoder pads short records).</summary>
    internal Plan SelectPlan(ReadOnlySpan<byte> record)
    {
        if (_byByte is not null) return record.Length > _selectOffset ? _byByte[record[_selectOffset]] : _defaultPlan;
        if (_byValue is not null)
        {
            if (record.Length < _selectOffset + _selectLength) return _defaultPlan;
            var key = record.Slice(_selectOffset, _selectLength);
            key = key[..RecordSelection.TrimmedLength(key, _codePage.Space)];
            foreach (var (value, plan) in _byValue)
            {
                if (key.SequenceEqual(value)) return plan;
            }
            return _defaultPlan;
        }
        if (_selectors.Length == 0) return _defaultPlan;
        ulong mask = 0;
        for (var k = 0; k < _selectors.Length; k++)
        {
            if (Matches(_selectors[k], record)) mask |= 1UL << k;
        }
        return mask == 0 ? _defaultPlan : _plans.GetOrAdd(mask, BuildPlan);
    }

    // ---------------------------------------------------------------- the loop

    /// <summary>Runs the ops from <paramref name="from"/>; returns the index of the first op that did not decode
    /// (the caller diagnoses it and resumes after it), or -1.</summary>
    private int Run(Plan plan, int from, ReadOnlySpan<byte> record, RecordValues target)
    {
        var ops = plan.Ops;
        ref var r0 = ref MemoryMarshal.GetReference(record);
        var length = record.Length;
        var chars = target.Chars;
        ref var c0 = ref MemoryMarshal.GetArrayDataReference(chars);
        ref var v0 = ref MemoryMarshal.GetArrayDataReference(target.Values);
        var counts = target.Counts;
        var limit = Math.Min(length, chars.Length);
        unchecked // the arithmetic below cannot overflow (offsets within the record, at most 18 digits)
        {
            ref var op0 = ref MemoryMarshal.GetArrayDataReference(ops);
            for (var i = from; i < ops.Length; i++)
            {
                ref var op = ref Unsafe.Add(ref op0, i);
                if ((uint)op.End > (uint)length) return i;
                switch (op.Code)
                {
                    case OpCode.Latin1Run:
                        if (limit < 16) return i;
                        for (var p = op.Offset; p < op.End; p += 16) Widen16(ref r0, ref c0, Math.Min(p, limit - 16));
                        break;
                    case OpCode.TableRun:
                    {
                        ref var t0 = ref MemoryMarshal.GetArrayDataReference(_textTable);
                        for (var p = op.Offset; p < op.End; p++)
                        {
                            var c = Unsafe.Add(ref t0, Unsafe.Add(ref r0, p));
                            if (c == '\uFFFF') return i;
                            Unsafe.Add(ref c0, p) = c;
                        }
                        break;
                    }
                    case OpCode.ZonedUnsigned8:
                    {
                        var v = (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r0, op.End - 8)) & op.A) | op.B;
                        if (!Zoned8(v, op.C, out var x)) return i;
                        Unsafe.Add(ref v0, op.Slot) = (long)x;
                        break;
                    }
                    case OpCode.ZonedTrailing8:
                    {
                        var v = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r0, op.End - 8));
                        uint e = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_overpunchTable), (nint)(v >> 56));
                        if (e == 0) return i;
                        v = (v & op.A & 0x00FF_FFFF_FFFF_FFFFUL) | op.B | ((ulong)(e & 0xFF) << 56);
                        if (!Zoned8(v, op.C, out var x)) return i;
                        Unsafe.Add(ref v0, op.Slot) = (e & 0x100) != 0 ? -(long)x : (long)x;
                        break;
                    }
                    case OpCode.Packed8:
                    {
                        var v = BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref r0, op.End - 8))) & op.A;
                        var sign = (int)(v & 0xF);
                        var d = v >> 4;
                        if (((d & op.B) | (d & ((d << 1) | (d << 2)) & 0x8888_8888_8888_8888UL)) != 0 || ((op.C >> sign) & 1) == 0) return i;
                        unchecked
                        {
                            d -= 6 * ((d >> 4) & 0x0F0F_0F0F_0F0F_0F0FUL);         // bytes: two digits -> 0..99
                            d -= 156 * ((d >> 8) & 0x00FF_00FF_00FF_00FFUL);       // 16-bit lanes -> 0..9999
                            d -= 55536 * ((d >> 16) & 0x0000_FFFF_0000_FFFFUL);    // 32-bit lanes -> 0..99999999
                            d = (d >> 32) * 100_000_000UL + (d & 0xFFFF_FFFFUL);
                            Unsafe.Add(ref v0, op.Slot) = ((op.C >> (16 + sign)) & 1) != 0 ? -(long)d : (long)d;
                        }
                        break;
                    }
                    case OpCode.Zoned:
                    {
                        var field = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r0, op.Offset), op.End - op.Offset);
                        if (!ZonedDecimal.DecodeInt64(field, op.Digits, (SignPlacement)op.Aux, (OverpunchStyle)op.A, out var x)) return i;
                        Unsafe.Add(ref v0, op.Slot) = x;
                        break;
                    }
                    case OpCode.Packed:
                    {
                        var field = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r0, op.Offset), op.End - op.Offset);
                        if (!PackedDecimal.DecodeInt64(field, op.Digits, op.Aux != 0, (PackedSignPolicy)op.A, out var x)) return i;
                        Unsafe.Add(ref v0, op.Slot) = x;
                        break;
                    }
                    case OpCode.Binary:
                    {
                        var field = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r0, op.Offset), op.End - op.Offset);
                        if (!TryBinary(field, op.A != 0, op.B != 0, out var x)) return i;
                        Unsafe.Add(ref v0, op.Slot) = x;
                        break;
                    }
                    case OpCode.Float:
                    {
                        // the bits, big-endian ordered (RecordValues formats them); an IEEE NaN or infinity is an error
                        var field = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref r0, op.Offset), op.End - op.Offset);
                        if (!FloatingPoint.TryRead(field, (FloatFormat)op.A, op.B != 0, out var bits, out _)) return i;
                        Unsafe.Add(ref v0, op.Slot) = (long)bits;
                        break;
                    }
                    case OpCode.Depending:
                    {
                        if (!TryCount(plan.Tables[op.Aux], record, out var n))
                        {
                            counts[op.Slot] = -1; // no occurrence exists; -1 tells "invalid count" from 0
                            return i;
                        }
                        counts[op.Slot] = n;
                        break;
                    }
                    case OpCode.Guard:
                        if (op.Aux > counts[op.Slot]) i = op.Digits - 1;
                        break;
                }
            }
        }
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Zoned8(ulong v, ulong zones, out ulong value)
    {
        value = 0;
        unchecked
        {
            // high nibble = the zone, low nibble + 6 without carry (EBCDIC 0xFA-0xFF may carry out: still a mismatch)
            if ((v & 0xF0F0_F0F0_F0F0_F0F0UL) != zones || ((v + 0x0606_0606_0606_0606UL) & 0xF0F0_F0F0_F0F0_F0F0UL) != zones) return false;
            v &= 0x0F0F_0F0F_0F0F_0F0FUL;
            v = (v * 2561) >> 8;
            v &= 0x00FF_00FF_00FF_00FFUL;
            v = (v * 6553601) >> 16;
            v &= 0x0000_FFFF_0000_FFFFUL;
            v = (v * 42949672960001UL) >> 32;
        }
        value = v;
        return true;
    }

    /// <summary>Widens the 16 bytes at <paramref name="p"/> to 16 chars at the same index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Widen16(ref byte source, ref char destination, int p)
    {
        var bytes = Vector128.LoadUnsafe(ref source, (nuint)p);
        ref var target = ref Unsafe.As<char, ushort>(ref destination);
        if (Avx2.IsSupported)
        {
            Avx2.ConvertToVector256Int16(bytes).AsUInt16().StoreUnsafe(ref target, (nuint)p);
        }
        else
        {
            var (lower, upper) = Vector128.Widen(bytes);
            lower.StoreUnsafe(ref target, (nuint)p);
            upper.StoreUnsafe(ref target, (nuint)(p + 8));
        }
    }

    private static bool TryBinary(ReadOnlySpan<byte> field, bool signed, bool bigEndian, out long value)
    {
        if (field.Length == 8 && !signed)
        {
            var u = bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(field) : BinaryPrimitives.ReadUInt64LittleEndian(field);
            value = (long)u;
            return u <= long.MaxValue;
        }
        value = BinaryInteger.Decode(field, field.Length, signed, bigEndian);
        return true;
    }

    // ---------------------------------------------------------------- the slow path: diagnosis and recovery

    /// <summary>Op <paramref name="index"/> did not decode: decode its field(s) through the generic codecs; an error is
    /// recorded; a field the codec accepts gets its value (the fast op is only an accelerator).</summary>
    private void Recover(Plan plan, int index, ReadOnlySpan<byte> record, RecordValues target)
    {
        var op = plan.Ops[index];
        switch (op.Code)
        {
            case OpCode.Latin1Run:
            case OpCode.TableRun:
                foreach (var ordinal in plan.Runs[op.Slot]) RecoverField(ordinal, record, target);
                break;
            case OpCode.Depending:
            {
                var t = plan.Tables[op.Aux];
                var dep = t.Count;
                var end = dep.Offset + dep.Length;
                var raw = end > record.Length ? ReadOnlySpan<byte>.Empty : record.Slice(dep.Offset, dep.Length);
                var occurs = t.Table.Occurs!;
                var reason = string.Create(CultureInfo.InvariantCulture,
                    $"OCCURS DEPENDING ON {dep.DisplayName}: count is not a number from {occurs.Min} to {occurs.Max}");
                Fail(-1, t.Key, t.Name, t.Offset, reason, raw, target);
                break;
            }
            default:
                RecoverField(op.Slot, record, target);
                break;
        }
    }

    private void RecoverField(int ordinal, ReadOnlySpan<byte> record, RecordValues target)
    {
        var f = _fields[ordinal];
        var key = 2 * ordinal + 1;
        if (f.Offset + f.Length > record.Length)
        {
            var available = f.Offset < record.Length ? record[f.Offset..] : ReadOnlySpan<byte>.Empty;
            Fail(ordinal, key, f.Name, f.Offset, string.Create(CultureInfo.InvariantCulture,
                $"field ({f.Length} bytes) extends past the end of the record ({record.Length} bytes)"), available, target);
            return;
        }
        var bytes = record.Slice(f.Offset, f.Length);
        if (f.Kind == FieldKind.Float)
        {
            if (FloatingPoint.TryRead(bytes, f.Codec.FloatFormat, f.Codec.BigEndian, out var bits, out var error)) target.Values[ordinal] = unchecked((long)bits);
            else Fail(ordinal, key, f.Name, f.Offset, error!, bytes, target);
            return;
        }
        try
        {
            if (f.IsNumeric) target.Values[ordinal] = f.Codec.DecodeUnscaled(bytes);
            else _codePage.Decode(bytes, target.Chars.AsSpan(f.Offset, f.Length));
        }
        catch (CobolDataException e)
        {
            Fail(ordinal, key, f.Name, f.Offset, e.Reason, bytes, target);
        }
    }

    private static void Fail(int ordinal, int key, string name, int offset, string reason, ReadOnlySpan<byte> raw, RecordValues target) =>
        target.AddError(key, ordinal, new FieldError(name, offset, Convert.ToHexString(raw), reason));

    internal bool TryCount(DependingTable table, ReadOnlySpan<byte> record, out int count)
    {
        count = 0;
        var dep = table.Count;
        var occurs = table.Table.Occurs!;
        if (dep.Offset + dep.Length > record.Length) return false;
        if (!TryDecodeNumber(dep, record.Slice(dep.Offset, dep.Length), out var n) || n < occurs.Min || n > occurs.Max) return false;
        count = (int)n;
        return true;
    }

    private bool Matches(Selector s, ReadOnlySpan<byte> record)
    {
        var field = s.Field;
        if (field.Offset + field.Length > record.Length) return false;
        var bytes = record.Slice(field.Offset, field.Length);
        if (s.Target.Kind != SelectionKind.Numeric) return s.Target.Matches(bytes, _codePage.Space);
        return TryDecodeNumber(field, bytes, out var unscaled) && s.Selection.MatchesNumber(field.Picture!, unscaled);
    }

    /// <summary>As <see cref="RecordDecoder"/> decodes a selector or an OCCURS DEPENDING ON count.</summary>
    private bool TryDecodeNumber(LayoutField f, ReadOnlySpan<byte> bytes, out Int128 unscaled)
    {
        var pic = f.Picture!;
        unscaled = 0;
        switch (f.Usage)
        {
            case CopybookUsage.Display:
                if (pic.Digits <= ZonedDecimal.MaxDigitsInt64)
                {
                    if (!ZonedDecimal.TryDecode(bytes, pic.Digits, LayoutCodecs.Placement(f.Sign), _overpunch, out var z)) return false;
                    unscaled = z;
                    return true;
                }
                return ZonedDecimal.TryDecodeInt128(bytes, pic.Digits, LayoutCodecs.Placement(f.Sign), _overpunch, out unscaled);
            case CopybookUsage.PackedDecimal:
                if (pic.Digits <= PackedDecimal.MaxDigitsInt64)
                {
                    if (!PackedDecimal.TryDecode(bytes, pic.Digits, pic.Signed, out var p, _options.PackedSigns)) return false;
                    unscaled = p;
                    return true;
                }
                return PackedDecimal.TryDecodeInt128(bytes, pic.Digits, pic.Signed, out unscaled, _options.PackedSigns);
            default:
                var bigEndian = f.Usage == CopybookUsage.Binary || _nativeBigEndian;
                try
                {
                    unscaled = BinaryInteger.Decode(bytes, bytes.Length, pic.Signed, bigEndian);
                    return true;
                }
                catch (CobolDataException)
                {
                    return false;
                }
        }
    }

    /// <summary>Byte of a trailing over-punched digit → 0 (invalid) or (negative ? 0x100 : 0) | plain digit byte,
    /// derived from the generic decoder (a two-digit field "1" + byte).</summary>
    private static ushort[] BuildOverpunchTable(OverpunchStyle style)
    {
        var zone = style == OverpunchStyle.Ebcdic ? 0xF0 : 0x30;
        var table = new ushort[256];
        Span<byte> field = stackalloc byte[2];
        field[0] = (byte)(zone + 1);
        for (var b = 0; b < 256; b++)
        {
            field[1] = (byte)b;
            if (!ZonedDecimal.TryDecode(field, 2, SignPlacement.TrailingOverpunch, style, out var value)) continue;
            var magnitude = Math.Abs(value) - 10;
            table[b] = (ushort)((value < 0 ? 0x100 : 0) | (zone + (int)magnitude));
        }
        return table;
    }

    // ---------------------------------------------------------------- compiling

    /// <summary>Pass 1: every field of every view, ordinals in copybook order.</summary>
    private void CollectGroup(LayoutField group, int shift, string subscripts, (int, int)[] depending)
    {
        foreach (var c in group.Children)
        {
            if (c.IsFiller || c.IsRenames) continue;
            if (c.Occurs is null)
            {
                CollectOne(c, shift, subscripts, depending);
                continue;
            }
            var slot = -1;
            if (c.DependingOn is not null)
            {
                slot = _slots.Count;
                _slots[(c, shift)] = (slot, 2 * _fields.Count);
            }
            for (var i = 0; i < c.OccursMax; i++)
            {
                var sub = Subscript(subscripts, i);
                CollectOne(c, shift + i * c.Length, sub, slot >= 0 ? [.. depending, (slot, i + 1)] : depending);
            }
        }
    }

    private static string Subscript(string subscripts, int i) => subscripts.Length == 0
        ? string.Create(CultureInfo.InvariantCulture, $"({i + 1})")
        : string.Create(CultureInfo.InvariantCulture, $"{subscripts[..^1]},{i + 1})");

    private void CollectOne(LayoutField f, int shift, string subscripts, (int, int)[] depending)
    {
        if (f.IsGroup)
        {
            CollectGroup(f, shift, subscripts, depending);
            return;
        }
        var codec = Codec(f);
        if (codec.Length != f.Length)
            throw new NotSupportedException($"{f.DisplayName}: layout length {f.Length} differs from the codec's {codec.Length}");
        var ordinal = _fields.Count;
        _fields.Add(new CompiledField(ordinal, f.DisplayName + subscripts, f, f.Offset + shift, codec, depending));
        _ordinals[(f, shift)] = ordinal;
    }

    private FieldCodec Codec(LayoutField f)
    {
        if (f.IsFloat) return LayoutCodecs.Float(f, _options.EffectiveFloatFormat, _options.EffectiveFloatBigEndian);
        var pic = f.Picture!;
        if (!pic.IsNumeric) return FieldCodec.Alphanumeric(f.Length, _codePage);
        if (pic.Digits > 18) throw new NotSupportedException($"{f.DisplayName}: numeric items of more than 18 digits are not supported here (use RecordDecoder)");
        return LayoutCodecs.Numeric(f, _overpunch, _options.PackedSigns, _nativeBigEndian);
    }

    /// <summary>The plan for the records whose matching selections are <paramref name="mask"/>.</summary>
    private Plan BuildPlan(ulong mask)
    {
        var active = new HashSet<LayoutField>();
        for (var k = 0; k < _selectors.Length; k++)
        {
            if ((mask & (1UL << k)) == 0) continue;
            for (var g = _selectors[k].Group; g is not null; g = g.Parent)
            {
                if (g.Redefines is not null || g.RedefinedBy.Count > 0 || g.Level == 1) active.Add(g);
            }
        }
        var builder = new PlanBuilder(this, active);
        var anyRecordSelected = _records.Any(active.Contains);
        var written = new List<LayoutField>();
        foreach (var r in _records)
        {
            var write = anyRecordSelected ? active.Contains(r) : r == _records[0];
            if (!write) continue;
            written.Add(r);
            builder.Group(r, 0);
        }
        return builder.Build(active, [.. written]);
    }

    private sealed class PlanBuilder(CompiledRecordDecoder decoder, HashSet<LayoutField> active)
    {
        private const int MaxGap = 32;

        private readonly List<Op> _ops = [];
        private readonly List<int[]> _runs = [];
        private readonly List<DependingTable> _tables = [];
        private readonly bool[] _present = new bool[decoder._fields.Count];
        private readonly List<int> _run = [];
        private int _runStart = -1;
        private int _runEnd = -1;

        public Plan Build(HashSet<LayoutField> activeViews, LayoutField[] records)
        {
            Flush();
            var view = new List<int>();
            for (var k = 0; k < _present.Length; k++) if (_present[k]) view.Add(k);
            return new Plan
            {
                Ops = [.. _ops], Present = _present, View = [.. view], Runs = [.. _runs], Tables = [.. _tables],
                Active = activeViews, Records = records,
            };
        }

        public void Group(LayoutField group, int shift)
        {
            foreach (var c in group.Children)
            {
                if (c.IsFiller || c.IsRenames || !Visible(c, active)) continue;
                Item(c, shift);
            }
        }

        private void Item(LayoutField f, int shift)
        {
            if (f.Occurs is null)
            {
                One(f, shift);
                return;
            }
            if (f.DependingOn is not { } dep)
            {
                for (var i = 0; i < f.OccursMax; i++) One(f, shift + i * f.Length);
                return;
            }
            Flush();
            var (slot, key) = decoder._slots[(f, shift)];
            var table = new DependingTable { Table = f, Count = dep, Name = NameOf(f, shift), Offset = f.Offset + shift, Key = key };
            _ops.Add(new Op { Code = OpCode.Depending, Slot = slot, Aux = _tables.Count });
            _tables.Add(table);
            var guards = new List<int>();
            for (var i = 0; i < f.OccursMax; i++)
            {
                Flush();
                guards.Add(_ops.Count);
                _ops.Add(new Op { Code = OpCode.Guard, Slot = slot, Aux = i + 1 });
                One(f, shift + i * f.Length);
            }
            Flush();
            foreach (var g in guards)
            {
                var op = _ops[g];
                op.Digits = _ops.Count;
                _ops[g] = op;
            }
        }

        /// <summary>The table's name with the subscripts of the enclosing tables (as RecordDecoder names it).</summary>
        private static string NameOf(LayoutField f, int shift)
        {
            var subscripts = "";
            var rest = shift;
            var enclosing = f.OccursPath.Where(o => o != f).ToList();
            // shift = sum of i_k * length_k over the enclosing tables, outermost first
            foreach (var o in enclosing)
            {
                var i = rest / o.Length;
                rest -= i * o.Length;
                subscripts = Subscript(subscripts, i);
            }
            return f.DisplayName + subscripts;
        }

        private void One(LayoutField f, int shift)
        {
            if (f.IsGroup)
            {
                Group(f, shift);
                return;
            }
            var ordinal = decoder._ordinals[(f, shift)];
            _present[ordinal] = true;
            var field = decoder._fields[ordinal];
            var offset = field.Offset;
            var end = offset + field.Length;
            var codec = field.Codec;
            if (!codec.IsNumeric)
            {
                // Latin-1: text fields up to MaxGap bytes apart share one widening pass (the bytes between, numeric
                // fields, are widened too: harmless, their characters are not exposed); other code pages: adjacent only
                if (_runStart >= 0 && offset >= _runEnd && offset - _runEnd <= (decoder._textOp == OpCode.Latin1Run ? MaxGap : 0))
                {
                    _runEnd = end;
                }
                else
                {
                    Flush();
                    _runStart = offset;
                    _runEnd = end;
                }
                _run.Add(ordinal);
                return;
            }
            if (decoder._textOp != OpCode.Latin1Run) Flush();
            var op = new Op { Offset = offset, End = end, Slot = ordinal, Digits = codec.Digits };
            var length = field.Length;
            switch (codec.Kind)
            {
                case FieldKind.Zoned when length <= 8 && end >= 8
                        && codec.SignPlacement is SignPlacement.Unsigned or SignPlacement.TrailingOverpunch:
                {
                    ulong zone = codec.OverpunchStyle == OverpunchStyle.Ebcdic ? 0xF0UL : 0x30UL;
                    var keep = length == 8 ? ulong.MaxValue : ulong.MaxValue << (8 * (8 - length));
                    op.Code = codec.SignPlacement == SignPlacement.Unsigned ? OpCode.ZonedUnsigned8 : OpCode.ZonedTrailing8;
                    op.A = keep;
                    op.B = zone * 0x0101_0101_0101_0101UL & ~keep;
                    op.C = zone * 0x0101_0101_0101_0101UL;
                    break;
                }
                case FieldKind.Zoned:
                    op.Code = OpCode.Zoned;
                    op.Aux = (int)codec.SignPlacement;
                    op.A = (ulong)codec.OverpunchStyle;
                    break;
                case FieldKind.Packed when length <= 8 && end >= 8:
                {
                    op.Code = OpCode.Packed8;
                    op.A = length == 8 ? ulong.MaxValue : (1UL << (8 * length)) - 1;
                    op.B = codec.Digits >= 16 ? 0 : ~((1UL << (4 * codec.Digits)) - 1);
                    var ibm = codec.PackedSignPolicy == PackedSignPolicy.Ibm;
                    ulong valid = (1UL << 0xC) | (1UL << 0xF) | (ibm ? (1UL << 0xA) | (1UL << 0xE) : 0);
                    ulong negative = 0;
                    if (codec.Signed)
                    {
                        negative = (1UL << 0xD) | (ibm ? 1UL << 0xB : 0);
                        valid |= negative;
                    }
                    op.C = valid | (negative << 16);
                    break;
                }
                case FieldKind.Packed:
                    op.Code = OpCode.Packed;
                    op.Aux = codec.Signed ? 1 : 0;
                    op.A = (ulong)codec.PackedSignPolicy;
                    break;
                case FieldKind.Float:
                    op.Code = OpCode.Float;
                    op.A = (ulong)codec.FloatFormat;
                    op.B = codec.BigEndian ? 1UL : 0;
                    break;
                default:
                    op.Code = OpCode.Binary;
                    op.A = codec.Signed ? 1UL : 0;
                    op.B = codec.BigEndian ? 1UL : 0;
                    break;
            }
            _ops.Add(op);
        }

        private void Flush()
        {
            if (_runStart < 0) return;
            _ops.Add(new Op { Code = decoder._textOp, Offset = _runStart, End = _runEnd, Slot = _runs.Count });
            _runs.Add([.. _run]);
            _run.Clear();
            _runStart = -1;
            _runEnd = -1;
        }
    }
}
