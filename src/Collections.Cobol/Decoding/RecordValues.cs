using System.Globalization;
using Collections.Cobol.Codecs;

namespace Collections.Cobol.Decoding;

/// <summary>
/// The decoded fields of one record, reused from record to record (create it once with
/// <see cref="CompiledRecordDecoder.CreateValues"/>; decoding allocates nothing unless a field is invalid):
/// numeric fields as unscaled <see cref="long"/>s (the PIC scale is <see cref="CompiledField.Scale"/>), text fields as
/// characters held at their record offsets. Only the fields of the views selected for the record are present
/// (<see cref="IsPresent"/>); the others keep stale values. Not thread-safe: one per reader.
/// </summary>
public sealed class RecordValues
{
    private readonly CompiledRecordDecoder _decoder;
    internal readonly long[] Values;
    internal readonly char[] Chars;
    internal readonly int[] Counts;
    internal readonly byte[] Padded;
    internal readonly List<(int Key, int Ordinal, FieldError Error)> ErrorList = [];
    private readonly bool[] _invalid;
    internal CompiledRecordDecoder.Plan? Plan;
    private FieldError[]? _errors;

    internal RecordValues(CompiledRecordDecoder decoder)
    {
        _decoder = decoder;
        Values = new long[decoder.Fields.Count];
        Chars = new char[Math.Max(decoder.MaxRecordLength, 1)];
        Counts = new int[decoder.DependingCount];
        Padded = decoder.PadShortRecords ? new byte[decoder.MaxRecordLength] : [];
        _invalid = new bool[decoder.Fields.Count];
    }

    public CompiledRecordDecoder Decoder => _decoder;

    /// <summary>True when the last decoded record has the field (its view is selected, its OCCURS DEPENDING ON
    /// occurrence exists) and it decoded.</summary>
    public bool IsPresent(int ordinal)
    {
        var plan = Plan ?? throw new InvalidOperationException("no record decoded yet");
        if (!plan.Present[ordinal]) return false;
        foreach (var (slot, occurrence) in _decoder.Fields[ordinal].Depending)
        {
            if (occurrence > Counts[slot]) return false;
        }
        return !_invalid[ordinal];
    }

    /// <summary>Ordinals of the fields of the views selected for the last record, in copybook order (fields beyond an
    /// OCCURS DEPENDING ON count or invalid are included: <see cref="IsPresent"/> tells).</summary>
    public ReadOnlySpan<int> ViewOrdinals => (Plan ?? throw new InvalidOperationException("no record decoded yet")).View;

    /// <summary>The unscaled value of a present numeric (not floating-point) field.</summary>
    public long GetUnscaled(int ordinal)
    {
        var f = Check(ordinal);
        if (!f.IsNumeric || f.Kind == FieldKind.Float) throw new InvalidOperationException($"{f.Name} is not a fixed-point numeric field");
        return Values[ordinal];
    }

    /// <summary>The exact value of a present numeric (not floating-point) field.</summary>
    public decimal GetDecimal(int ordinal)
    {
        var f = Check(ordinal);
        if (!f.IsNumeric || f.Kind == FieldKind.Float) throw new InvalidOperationException($"{f.Name} is not a fixed-point numeric field (COMP-1 / COMP-2: GetDouble, GetText)");
        return f.Scale >= 0 ? FixedPoint.ToDecimal(Values[ordinal], f.Scale) : Values[ordinal] * Pow10(-f.Scale);
    }

    /// <summary>A present COMP-1 / COMP-2 field as the nearest <see cref="double"/> (exact except an IBM COMP-2's last
    /// three fraction bits).</summary>
    public double GetDouble(int ordinal)
    {
        var f = Check(ordinal);
        if (f.Kind != FieldKind.Float) throw new InvalidOperationException($"{f.Name} is not COMP-1 / COMP-2 (GetDecimal)");
        return FloatingPoint.ToDouble(unchecked((ulong)Values[ordinal]), f.Length, f.Codec.FloatFormat);
    }

    /// <summary>The characters of a present text field (trailing spaces kept); valid until the next record.</summary>
    public ReadOnlySpan<char> GetChars(int ordinal)
    {
        var f = Check(ordinal);
        if (f.IsNumeric) throw new InvalidOperationException($"{f.Name} is numeric");
        return Chars.AsSpan(f.Offset, f.Length);
    }

    /// <summary>The field as <see cref="RecordDecoder"/> writes it: numbers as exact text at the PIC scale ("-919.00"),
    /// COMP-1 / COMP-2 as the shortest round-trip decimal, text as it is (allocates).</summary>
    public string GetText(int ordinal)
    {
        var f = Check(ordinal);
        return f.Kind switch
        {
            FieldKind.Alphanumeric => new string(Chars, f.Offset, f.Length),
            FieldKind.Float => FloatingPoint.Format(unchecked((ulong)Values[ordinal]), f.Length, f.Codec.FloatFormat),
            _ => FixedPoint.Format(Values[ordinal], f.Scale),
        };
    }

    /// <summary>Unscaled values by ordinal (entries of absent or text fields are meaningless): for bulk consumers.</summary>
    public ReadOnlySpan<long> UnscaledValues => Values;

    /// <summary>Characters by record offset (text fields only are meaningful): for bulk consumers.</summary>
    public ReadOnlySpan<char> Characters => Chars;

    /// <summary>Fields of the last record that failed to decode (<see cref="CompiledRecordDecoder.TryDecode"/>), in
    /// copybook order, as <see cref="RecordDecoder"/> reports them.</summary>
    public IReadOnlyList<FieldError> Errors
    {
        get
        {
            if (ErrorList.Count == 0) return [];
            return _errors ??= ErrorList.OrderBy(e => e.Key).Select(e => e.Error).ToArray();
        }
    }

    internal void Reset(CompiledRecordDecoder.Plan plan)
    {
        Plan = plan;
        if (ErrorList.Count > 0)
        {
            foreach (var e in ErrorList)
            {
                if (e.Ordinal >= 0) _invalid[e.Ordinal] = false;
            }
            ErrorList.Clear();
            _errors = null;
        }
    }

    /// <summary>The field failed to decode in the last record (only meaningful when <see cref="ErrorList"/> is not empty).</summary>
    internal bool IsInvalid(int ordinal) => _invalid[ordinal];

    internal void AddError(int key, int ordinal, FieldError error)
    {
        ErrorList.Add((key, ordinal, error));
        if (ordinal >= 0) _invalid[ordinal] = true;
        _errors = null;
    }

    private CompiledField Check(int ordinal)
    {
        if (!IsPresent(ordinal))
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{_decoder.Fields[ordinal].Name} is not present in this record (another REDEFINES view, beyond the OCCURS DEPENDING ON count, or invalid)"));
        return _decoder.Fields[ordinal];
    }

    private static decimal Pow10(int n)
    {
        decimal p = 1;
        for (var i = 0; i < n; i++) p *= 10;
        return p;
    }
}
