using System.Buffers;
using Collections.Cobol.Codecs;
using Collections.Cobol.Copybooks;
using Collections.Cobol.Text;

namespace Collections.Cobol.Decoding;

/// <summary>
/// Decodes records through a copybook layout into a tree of values:
/// <list type="bullet">
/// <item>groups are objects keyed by COBOL names in copybook order; OCCURS are arrays (DEPENDING ON: the count in the
/// record); FILLER items (and everything under a FILLER group), level-66 RENAMES and level-88 conditions are omitted;</item>
/// <item>numeric items are exact decimal strings at the PIC scale (P scaling applied): "-919.00", "747"; COMP-1 and
/// COMP-2 items the shortest decimal that converts back to the same floating-point value (<see cref="FloatingPoint"/>;
/// IBM hexadecimal or IEEE 754 by <see cref="RecordDecoderOptions.EffectiveFloatFormat"/>);
/// alphanumeric, alphabetic and edited items are their text through the code page, trailing spaces kept;</item>
/// <item>REDEFINES: an item that is redefined, and the items redefining it, share storage. Only one view is written:
/// the views selected for this record by a <see cref="RecordSelection"/> whose FIELD holds VALUE (several if several
/// match), otherwise the redefined (first) item. A copybook with several level-01 records treats them the same way:
/// the first record unless a selection names another. Selecting an item nested in an unselected REDEFINES also
/// selects the enclosing views;</item>
/// <item>a field that fails to decode (invalid digit or sign, past the end of a short record, a DEPENDING ON count out
/// of range) is written as null and listed in <see cref="DecodedRecord.Errors"/>; the rest of the record still decodes.</item>
/// </list>
/// Items following an OCCURS DEPENDING ON table are read at their fixed offsets (cobc's default, without ODO slide).
/// Binary values are not truncated to the PIC digits (as COMP-5 and TRUNC(BIN) data may exceed them).
/// </summary>
public sealed class RecordDecoder
{
    private readonly CopybookLayout _layout;
    private readonly RecordDecoderOptions _options;
    private readonly CodePage _text;
    private readonly OverpunchStyle _overpunch;
    private readonly bool _nativeBigEndian;
    private readonly List<(LayoutField Field, RecordSelection Selection, LayoutField Group, SelectionTarget Target)> _selections = [];
    private readonly List<LayoutField> _records;
    private readonly int _maxLength;

    private RecordDecoder(CopybookLayout layout, RecordDecoderOptions options)
    {
        _layout = layout;
        _options = options;
        _text = options.CodePage;
        _overpunch = options.EffectiveOverpunch;
        _nativeBigEndian = options.EffectiveNativeBigEndian;
        _records = layout.Records.Where(r => r.Level == 1).ToList();
        if (_records.Count == 0) throw new ArgumentException("the copybook has no level-01 record", nameof(layout));
        _maxLength = _records.Max(r => r.Length);
    }

    /// <summary>Largest record length of the layout (the record area).</summary>
    public int MaxRecordLength => _maxLength;

    /// <summary>Creates a decoder; throws <see cref="ArgumentException"/> naming the selection when a FIELD or GROUP
    /// is unknown or unusable.</summary>
    public static RecordDecoder Create(CopybookLayout layout, RecordDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var d = new RecordDecoder(layout, options);
        foreach (var s in options.Selections)
        {
            var field = layout.Find(s.FieldName) ?? throw new ArgumentException($"--select {s}: field '{s.FieldName}' is not in the copybook");
            if ((field.IsGroup && field.Usage != CopybookUsage.Display) || field.IsFloat) throw new ArgumentException($"--select {s}: '{s.FieldName}' cannot be compared");
            if (field.OccursPath.Count > 0) throw new ArgumentException($"--select {s}: '{s.FieldName}' is inside an OCCURS");
            if (field.IsRenames) throw new ArgumentException($"--select {s}: '{s.FieldName}' is a level-66 item");
            var group = layout.Find(s.GroupName) ?? throw new ArgumentException($"--select {s}: group '{s.GroupName}' is not in the copybook");
            bool shares = group.Redefines is not null || group.RedefinedBy.Count > 0 || (group.Level == 1 && d._records.Count > 1);
            if (!shares) throw new ArgumentException($"--select {s}: '{s.GroupName}' neither redefines nor is redefined (nor is one of several 01 records)");
            d._selections.Add((field, s, group, s.Target(field, options.CodePage)));
        }
        return d;
    }

    /// <summary>Decodes one record (its actual bytes; a shorter record than the layout is allowed).</summary>
    public DecodedRecord Decode(ReadOnlySpan<byte> record)
    {
        byte[]? rented = null;
        try
        {
            if (_options.PadShortRecords && record.Length < _maxLength)
            {
                rented = ArrayPool<byte>.Shared.Rent(_maxLength);
                record.CopyTo(rented);
                rented.AsSpan(record.Length, _maxLength - record.Length).Fill(_options.SpaceByte);
                record = rented.AsSpan(0, _maxLength);
            }
            var result = new DecodedRecord();
            var ctx = new Context(record, result, ActiveViews(record));
            bool anyRecordSelected = _records.Any(ctx.Active.Contains);
            foreach (var r in _records)
            {
                bool write = anyRecordSelected ? ctx.Active.Contains(r) : r == _records[0];
                if (!write) continue;
                result.Root.Members.Add(new(r.DisplayName, DecodeGroup(r, 0, ctx, "")));
            }
            return result;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private HashSet<LayoutField> ActiveViews(ReadOnlySpan<byte> record)
    {
        var active = new HashSet<LayoutField>();
        foreach (var (field, sel, group, target) in _selections)
        {
            if (!Matches(field, sel, target, record)) continue;
            for (var g = group; g is not null; g = g.Parent)
            {
                if (g.Redefines is not null || g.RedefinedBy.Count > 0 || g.Level == 1) active.Add(g);
            }
        }
        return active;
    }

    private bool Matches(LayoutField field, RecordSelection selection, SelectionTarget target, ReadOnlySpan<byte> record)
    {
        if (field.Offset + field.Length > record.Length) return false;
        var bytes = record.Slice(field.Offset, field.Length);
        if (target.Kind == SelectionKind.Numeric)
        {
            return TryDecodeNumber(field, bytes, out var unscaled, out _) && selection.MatchesNumber(field.Picture!, unscaled);
        }
        return target.Matches(bytes, _text.Space);
    }

    private sealed class Context(ReadOnlySpan<byte> record, DecodedRecord result, HashSet<LayoutField> active)
    {
        private readonly byte[] _bytes = record.ToArray();

        public ReadOnlySpan<byte> Record => _bytes;

        public DecodedRecord Result { get; } = result;

        public HashSet<LayoutField> Active { get; } = active;
    }

    private DecodedGroup DecodeGroup(LayoutField group, int shift, Context ctx, string subscripts)
    {
        var obj = new DecodedGroup();
        foreach (var c in group.Children)
        {
            if (c.IsFiller || c.IsRenames) continue;
            if (!Visible(c, ctx)) continue;
            obj.Members.Add(new(c.DisplayName, DecodeItem(c, shift, ctx, subscripts)));
        }
        return obj;
    }

    private static bool Visible(LayoutField c, Context ctx) => CompiledRecordDecoder.Visible(c, ctx.Active);

    private DecodedNode DecodeItem(LayoutField f, int shift, Context ctx, string subscripts)
    {
        if (f.Occurs is null) return DecodeOne(f, shift, ctx, subscripts);
        int count = f.OccursMax;
        if (f.DependingOn is { } dep)
        {
            var depBytesEnd = dep.Offset + dep.Length;
            if (depBytesEnd > ctx.Record.Length || !TryDecodeNumber(dep, ctx.Record.Slice(dep.Offset, dep.Length), out var n, out _)
                || n < f.Occurs.Min || n > f.Occurs.Max)
            {
                var raw = depBytesEnd > ctx.Record.Length ? ReadOnlySpan<byte>.Empty : ctx.Record.Slice(dep.Offset, dep.Length);
                ctx.Result.Errors.Add(new FieldError(f.DisplayName + subscripts, f.Offset + shift, Convert.ToHexString(raw),
                    $"OCCURS DEPENDING ON {dep.DisplayName}: count is not a number from {f.Occurs.Min} to {f.Occurs.Max}"));
                return new DecodedValue(null, false);
            }
            count = (int)n;
        }
        var array = new DecodedArray();
        for (int i = 0; i < count; i++)
        {
            var sub = subscripts.Length == 0
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"({i + 1})")
                : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{subscripts[..^1]},{i + 1})");
            array.Items.Add(DecodeOne(f, shift + i * f.Length, ctx, sub));
        }
        return array;
    }

    private DecodedNode DecodeOne(LayoutField f, int shift, Context ctx, string subscripts)
    {
        if (f.IsGroup) return DecodeGroup(f, shift, ctx, subscripts);
        int offset = f.Offset + shift;
        var numeric = f.IsFloat || f.Picture!.IsNumeric;
        if (offset + f.Length > ctx.Record.Length)
        {
            var avail = offset < ctx.Record.Length ? ctx.Record[offset..] : ReadOnlySpan<byte>.Empty;
            ctx.Result.Errors.Add(new FieldError(f.DisplayName + subscripts, offset, Convert.ToHexString(avail),
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"field ({f.Length} bytes) extends past the end of the record ({ctx.Record.Length} bytes)")));
            return new DecodedValue(null, numeric);
        }
        var bytes = ctx.Record.Slice(offset, f.Length);
        if (f.IsFloat)
        {
            if (FloatingPoint.TryRead(bytes, _options.EffectiveFloatFormat, _options.EffectiveFloatBigEndian, out var bits, out var floatError))
                return new DecodedValue(FloatingPoint.Format(bits, f.Length, _options.EffectiveFloatFormat), true);
            ctx.Result.Errors.Add(new FieldError(f.DisplayName + subscripts, offset, Convert.ToHexString(bytes), floatError!));
            return new DecodedValue(null, true);
        }
        var pic = f.Picture!;
        if (!pic.IsNumeric)
        {
            try
            {
                return new DecodedValue(_text.Decode(bytes), false);
            }
            catch (CobolDataException e)
            {
                ctx.Result.Errors.Add(new FieldError(f.DisplayName + subscripts, offset, Convert.ToHexString(bytes), e.Reason));
                return new DecodedValue(null, false);
            }
        }
        if (TryDecodeNumber(f, bytes, out var unscaled, out var error))
            return new DecodedValue(FixedPoint.Format(unscaled, pic.Scale), true);
        ctx.Result.Errors.Add(new FieldError(f.DisplayName + subscripts, offset, Convert.ToHexString(bytes), error!));
        return new DecodedValue(null, true);
    }

    private bool TryDecodeNumber(LayoutField f, ReadOnlySpan<byte> bytes, out Int128 unscaled, out string? error)
    {
        var pic = f.Picture!;
        error = null;
        try
        {
            switch (f.Usage)
            {
                case CopybookUsage.Display:
                    unscaled = pic.Digits <= ZonedDecimal.MaxDigitsInt64
                        ? ZonedDecimal.Decode(bytes, pic.Digits, LayoutCodecs.Placement(f.Sign), _overpunch)
                        : ZonedDecimal.DecodeInt128(bytes, pic.Digits, LayoutCodecs.Placement(f.Sign), _overpunch);
                    return true;
                case CopybookUsage.PackedDecimal:
                    unscaled = pic.Digits <= PackedDecimal.MaxDigitsInt64
                        ? PackedDecimal.Decode(bytes, pic.Digits, pic.Signed, _options.PackedSigns)
                        : PackedDecimal.DecodeInt128(bytes, pic.Digits, pic.Signed, _options.PackedSigns);
                    return true;
                default:
                    bool bigEndian = f.Usage == CopybookUsage.Binary || _nativeBigEndian;
                    unscaled = BinaryInteger.Decode(bytes, bytes.Length, pic.Signed, bigEndian);
                    return true;
            }
        }
        catch (CobolDataException e)
        {
            unscaled = 0;
            error = e.Reason;
            return false;
        }
    }
}
