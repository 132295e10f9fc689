using Collections.Cobol.Codecs;
using Collections.Domain.LineDuties;

namespace Collections.Legacy.Records;

/// <summary>
/// ENTRYREC: the entry summary file ENTRYIN, RECFM=F LRECL=250, record types H (header), L (line), T (trailer).
/// Offsets are 0-based byte positions in the record.
/// </summary>
public static class EntryRecordLayout
{
    public const int RecordLength = 250;

    // H
    public const int EntryNo = 1, EntryType = 12, ImporterNo = 14, PortCode = 26, EntryDate = 30, ExportDate = 38,
        TransportMode = 46, PaymentType = 48, StatementDate = 49, Currency = 57, ManualFlag = 60, LineCount = 61;

    // L
    public const int LineEntryNo = 1, LineNo = 12, HtsNo = 15, Origin = 25, Spi = 27, ForeignValue = 29, NetQuantity = 36,
        QuantityUnit = 42, NetKg = 45, Ch99Count = 51, Ch99No = 52, AdcvdCaseNo = 82;
    public const int ForeignValueDigits = 13, ForeignValueLength = 7, QuantityDigits = 11, QuantityLength = 6;

    // T
    public const int TrailerRecordCount = 1, TrailerEntryCount = 8, TrailerValueHash = 15, TrailerHashDigits = 17, TrailerHashLength = 9;
}

/// <summary>Typed views of ENTRYIN records (ENTRYREC), decoded as CLV100 sees them.</summary>
public static class EntryRecords
{
    private static string T(ReadOnlySpan<byte> r, int offset, int length) => LegacyNumeric.Text(r.Slice(offset, length));

    /// <summary>An H record's fields as text.</summary>
    public static EntryHeaderFields Header(ReadOnlySpan<byte> r)
    {
        var texts = t_headerTexts ??= new HeaderTexts();
        return new(
            T(r, EntryRecordLayout.EntryNo, 11), texts.EntryType.Get(r.Slice(EntryRecordLayout.EntryType, 2)), T(r, EntryRecordLayout.ImporterNo, 12),
            texts.PortCode.Get(r.Slice(EntryRecordLayout.PortCode, 4)), texts.Date.Get(r.Slice(EntryRecordLayout.EntryDate, 8)),
            texts.Date.Get(r.Slice(EntryRecordLayout.ExportDate, 8)), texts.TransportMode.Get(r.Slice(EntryRecordLayout.TransportMode, 2)),
            texts.PaymentType.Get(r.Slice(EntryRecordLayout.PaymentType, 1)), texts.Date.Get(r.Slice(EntryRecordLayout.StatementDate, 8)),
            texts.Currency.Get(r.Slice(EntryRecordLayout.Currency, 3)), (char)r[EntryRecordLayout.ManualFlag], texts.LineCount.Get(r.Slice(EntryRecordLayout.LineCount, 3)));
    }

    /// <summary>
    /// The header's short fields take few distinct values in a day (dates, entry types, ports, currencies...): each
    /// field's text is made once and reused (per thread), instead of a new string per header.
    /// </summary>
    [ThreadStatic] private static HeaderTexts? t_headerTexts;

    private sealed class HeaderTexts
    {
        public readonly ShortTexts EntryType = new(), PortCode = new(), Date = new(), TransportMode = new(), PaymentType = new(),
            Currency = new(), LineCount = new();
    }

    /// <summary>The text of fields of one width (at most 8 bytes), by their bytes; emptied when it holds 4096 values.</summary>
    private sealed class ShortTexts
    {
        private readonly Dictionary<ulong, string> _texts = [];

        public string Get(ReadOnlySpan<byte> field)
        {
            ulong key = 0;
            foreach (var b in field) key = (key << 8) | b;
            if (_texts.TryGetValue(key, out var text)) return text;
            if (_texts.Count >= 4096) _texts.Clear();
            text = LegacyNumeric.Text(field);
            _texts.Add(key, text);
            return text;
        }
    }

    /// <summary>An L record's fields, viewed in place (no allocation); a packed field that is not NUMERIC is null.</summary>
    public static EntryLineFields Line(ReadOnlySpan<byte> r) => new()
    {
        EntryNumber = r.Slice(EntryRecordLayout.LineEntryNo, 11),
        LineNumber = r.Slice(EntryRecordLayout.LineNo, 3),
        HtsNumber = r.Slice(EntryRecordLayout.HtsNo, 10),
        OriginCountry = r.Slice(EntryRecordLayout.Origin, 2),
        SpiCode = r.Slice(EntryRecordLayout.Spi, 2),
        ForeignValue = Packed(r.Slice(EntryRecordLayout.ForeignValue, EntryRecordLayout.ForeignValueLength)),
        NetQuantity = Packed(r.Slice(EntryRecordLayout.NetQuantity, EntryRecordLayout.QuantityLength)),
        QuantityUnit = r.Slice(EntryRecordLayout.QuantityUnit, 3),
        NetKilograms = Packed(r.Slice(EntryRecordLayout.NetKg, EntryRecordLayout.QuantityLength)),
        Chapter99Count = r[EntryRecordLayout.Ch99Count],
        Chapter99Numbers = r.Slice(EntryRecordLayout.Ch99No, 30),
        AdcvdCaseNumber = r.Slice(EntryRecordLayout.AdcvdCaseNo, 10),
    };

    /// <summary>A signed packed field's value when IS NUMERIC holds, else null.</summary>
    private static long? Packed(ReadOnlySpan<byte> field) => CobolNumericClass.TryDecodePacked(field, signed: true, out var v) ? v : null;
}

/// <summary>Values for one header record (for writing ENTRYIN files: crafted test days, generators).</summary>
public sealed record EntryHeaderRecord(
    string EntryNumber, string EntryType, string ImporterNumber, string PortCode, string EntryDate, string ExportDate,
    string TransportMode, string PaymentType, string StatementDate, string CurrencyCode, string ManualFlag, string LineCount);

/// <summary>Values for one line record. Amounts are unscaled hundredths; <c>*Raw</c> overrides write bytes as given.</summary>
public sealed record EntryLineRecord(
    string EntryNumber, string LineNumber, string HtsNumber, string OriginCountry, string SpiCode, long ForeignValue,
    long NetQuantity, string QuantityUnit, long NetKilograms, string Chapter99Count, string Chapter99Number1 = "",
    string Chapter99Number2 = "", string Chapter99Number3 = "", string AdcvdCaseNumber = "")
{
    public byte[]? ForeignValueRaw { get; init; }
    public byte[]? NetQuantityRaw { get; init; }
    public byte[]? NetKilogramsRaw { get; init; }
}

/// <summary>
/// Writes ENTRYIN (RECFM=F 250) records as the legacy's generator does: H/L records and a trailer whose record
/// count and value hash total it computes over what was written (invalid values count zero), unless overridden.
/// </summary>
public sealed class EntryFileWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _record = new byte[EntryRecordLayout.RecordLength];
    private long _records, _entries, _hash;

    public EntryFileWriter(Stream stream) => _stream = stream ?? throw new ArgumentNullException(nameof(stream));

    public void WriteHeader(EntryHeaderRecord h)
    {
        ArgumentNullException.ThrowIfNull(h);
        Span<byte> r = Start('H');
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.EntryNo, 11), h.EntryNumber);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.EntryType, 2), h.EntryType);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.ImporterNo, 12), h.ImporterNumber);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.PortCode, 4), h.PortCode);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.EntryDate, 8), h.EntryDate);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.ExportDate, 8), h.ExportDate);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.TransportMode, 2), h.TransportMode);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.PaymentType, 1), h.PaymentType);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.StatementDate, 8), h.StatementDate);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Currency, 3), h.CurrencyCode);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.ManualFlag, 1), h.ManualFlag);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.LineCount, 3), h.LineCount);
        _entries++;
        Emit(counted: true);
    }

    public void WriteLine(EntryLineRecord l)
    {
        ArgumentNullException.ThrowIfNull(l);
        Span<byte> r = Start('L');
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.LineEntryNo, 11), l.EntryNumber);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.LineNo, 3), l.LineNumber);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.HtsNo, 10), l.HtsNumber);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Origin, 2), l.OriginCountry);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Spi, 2), l.SpiCode);
        Packed(r.Slice(EntryRecordLayout.ForeignValue, 7), 13, l.ForeignValue, l.ForeignValueRaw);
        Packed(r.Slice(EntryRecordLayout.NetQuantity, 6), 11, l.NetQuantity, l.NetQuantityRaw);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.QuantityUnit, 3), l.QuantityUnit);
        Packed(r.Slice(EntryRecordLayout.NetKg, 6), 11, l.NetKilograms, l.NetKilogramsRaw);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Ch99Count, 1), l.Chapter99Count);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Ch99No, 10), l.Chapter99Number1);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Ch99No + 10, 10), l.Chapter99Number2);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.Ch99No + 20, 10), l.Chapter99Number3);
        LegacyNumeric.PutText(r.Slice(EntryRecordLayout.AdcvdCaseNo, 10), l.AdcvdCaseNumber);
        var fv = r.Slice(EntryRecordLayout.ForeignValue, 7);
        if (CobolNumericClass.TryDecodePacked(fv, signed: true, out var value)) _hash += value;
        Emit(counted: true);
    }

    /// <summary>Writes any 250 bytes as they are (a record type other than H/L/T, a damaged record ...); counted like an H/L record.</summary>
    public void WriteRaw(ReadOnlySpan<byte> record, bool countInTrailer = true)
    {
        if (record.Length != EntryRecordLayout.RecordLength) throw new ArgumentException("250 bytes expected", nameof(record));
        record.CopyTo(_record);
        Emit(countInTrailer);
    }

    /// <summary>Writes the trailer; null arguments take the computed counts and hash.</summary>
    public void WriteTrailer(long? recordCount = null, long? entryCount = null, long? valueHash = null)
    {
        Span<byte> r = Start('T');
        LegacyNumeric.PutDigits(r.Slice(EntryRecordLayout.TrailerRecordCount, 7), recordCount ?? _records);
        LegacyNumeric.PutDigits(r.Slice(EntryRecordLayout.TrailerEntryCount, 7), entryCount ?? _entries);
        PackedDecimal.Encode(valueHash ?? _hash, r.Slice(EntryRecordLayout.TrailerValueHash, 9), 17, true);
        _stream.Write(_record);
    }

    private Span<byte> Start(char type)
    {
        _record.AsSpan().Fill((byte)' ');
        _record[0] = (byte)type;
        return _record;
    }

    private static void Packed(Span<byte> field, int digits, long value, byte[]? raw)
    {
        if (raw is not null) raw.AsSpan().CopyTo(field);
        else PackedDecimal.Encode(value, field, digits, true);
    }

    private void Emit(bool counted)
    {
        if (counted) _records++;
        _stream.Write(_record);
    }

    public void Dispose() => _stream.Flush();
}
