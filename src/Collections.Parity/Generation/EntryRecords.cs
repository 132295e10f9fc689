using Collections.Cobol.Codecs;
using Collections.Cobol.Text;
using Collections.Legacy.Records;

namespace Collections.Parity.Generation;

/// <summary>One entry header as the generator builds it (copybook ENTRYREC, H record).</summary>
public sealed class EntrySpec
{
    public string EntryType { get; set; } = "01";
    public string Importer { get; set; } = "";
    public int Port { get; set; }
    public int EntryDate { get; set; }
    public int ExportDate { get; set; }
    public int Mode { get; set; }
    public int PaymentType { get; set; } = 1;
    public int StatementDate { get; set; }
    public string Currency { get; set; } = "USD";
    public char Manual { get; set; } = 'N';
    /// <summary>Line count written on the header; null = the number of lines.</summary>
    public int? DeclaredLineCount { get; set; }
    public List<LineSpec> Lines { get; } = [];
    /// <summary>What the entry is there for (coverage scenarios), empty for random entries.</summary>
    public string Scenario { get; set; } = "";
}

/// <summary>One entry summary line (copybook ENTRYREC, L record). Amounts unscaled at 2 decimals.</summary>
public sealed class LineSpec
{
    public string Hts { get; set; } = "";
    public string Origin { get; set; } = "";
    public string Spi { get; set; } = "  ";
    public long ForeignValue { get; set; }
    public long Quantity { get; set; }
    public string Unit { get; set; } = "";
    public long Kg { get; set; }
    public List<string> Ch99 { get; } = new(3);
    public string CaseNo { get; set; } = "";
}

/// <summary>Byte layouts of ENTRYIN (RECFM=F, 250) and PAYMENTS (RECFM=F, 50) records, encoded with Collections.Cobol.</summary>
public static class EntryRecords
{
    public const int Length = EntryRecordLayout.RecordLength;
    public const int PaymentLength = 50;

    // ENTRYREC offsets (0-based): the product's copy of the contract (Collections.Legacy, checked against the copybook)
    public const int HeaderEntryNo = EntryRecordLayout.EntryNo, HeaderEntryType = EntryRecordLayout.EntryType,
        HeaderImporter = EntryRecordLayout.ImporterNo, HeaderPort = EntryRecordLayout.PortCode, HeaderEntryDate = EntryRecordLayout.EntryDate,
        HeaderExportDate = EntryRecordLayout.ExportDate, HeaderMode = EntryRecordLayout.TransportMode, HeaderPaymentType = EntryRecordLayout.PaymentType,
        HeaderStatementDate = EntryRecordLayout.StatementDate, HeaderCurrency = EntryRecordLayout.Currency, HeaderManual = EntryRecordLayout.ManualFlag,
        HeaderLineCount = EntryRecordLayout.LineCount;
    public const int LineEntryNo = EntryRecordLayout.LineEntryNo, LineNo = EntryRecordLayout.LineNo, LineHts = EntryRecordLayout.HtsNo,
        LineOrigin = EntryRecordLayout.Origin, LineSpi = EntryRecordLayout.Spi, LineValue = EntryRecordLayout.ForeignValue,
        LineQuantity = EntryRecordLayout.NetQuantity, LineUnit = EntryRecordLayout.QuantityUnit, LineKg = EntryRecordLayout.NetKg,
        LineCh99Count = EntryRecordLayout.Ch99Count, LineCh99 = EntryRecordLayout.Ch99No, LineCase = EntryRecordLayout.AdcvdCaseNo;
    public const int TrailerRecordCount = EntryRecordLayout.TrailerRecordCount, TrailerEntryCount = EntryRecordLayout.TrailerEntryCount,
        TrailerHash = EntryRecordLayout.TrailerValueHash;

    public static void WriteHeader(Span<byte> rec, string entryNo, EntrySpec e)
    {
        ArgumentNullException.ThrowIfNull(e);
        rec[..Length].Fill((byte)' ');
        rec[0] = (byte)'H';
        Text(rec, HeaderEntryNo, 11, entryNo);
        Text(rec, HeaderEntryType, 2, e.EntryType);
        Text(rec, HeaderImporter, 12, e.Importer);
        Digits(rec, HeaderPort, 4, e.Port);
        Digits(rec, HeaderEntryDate, 8, e.EntryDate);
        Digits(rec, HeaderExportDate, 8, e.ExportDate);
        Digits(rec, HeaderMode, 2, e.Mode);
        Digits(rec, HeaderPaymentType, 1, e.PaymentType);
        Digits(rec, HeaderStatementDate, 8, e.StatementDate);
        Text(rec, HeaderCurrency, 3, e.Currency);
        rec[HeaderManual] = (byte)e.Manual;
        Digits(rec, HeaderLineCount, 3, e.DeclaredLineCount ?? e.Lines.Count);
    }

    public static void WriteLine(Span<byte> rec, string entryNo, int lineNo, LineSpec l)
    {
        ArgumentNullException.ThrowIfNull(l);
        rec[..Length].Fill((byte)' ');
        rec[0] = (byte)'L';
        Text(rec, LineEntryNo, 11, entryNo);
        Digits(rec, LineNo, 3, lineNo);
        Text(rec, LineHts, 10, l.Hts);
        Text(rec, LineOrigin, 2, l.Origin);
        Text(rec, LineSpi, 2, l.Spi);
        PackedDecimal.Encode(l.ForeignValue, rec.Slice(LineValue, 7), 13, signed: true);
        PackedDecimal.Encode(l.Quantity, rec.Slice(LineQuantity, 6), 11, signed: true);
        Text(rec, LineUnit, 3, l.Unit);
        PackedDecimal.Encode(l.Kg, rec.Slice(LineKg, 6), 11, signed: true);
        Digits(rec, LineCh99Count, 1, l.Ch99.Count);
        for (var i = 0; i < l.Ch99.Count; i++) Text(rec, LineCh99 + (10 * i), 10, l.Ch99[i]);
        Text(rec, LineCase, 10, l.CaseNo);
    }

    public static void WriteTrailer(Span<byte> rec, long records, long entries, long hashCents)
    {
        rec[..Length].Fill((byte)' ');
        rec[0] = (byte)'T';
        Digits(rec, TrailerRecordCount, 7, records);
        Digits(rec, TrailerEntryCount, 7, entries);
        PackedDecimal.Encode(hashCents, rec.Slice(TrailerHash, 9), 17, signed: true);
    }

    /// <summary>The line's foreign value as CLV100 adds it to the value hash: only when the packed field is valid.</summary>
    public static bool TryLineValue(ReadOnlySpan<byte> rec, out long cents) =>
        PackedDecimal.TryDecode(rec.Slice(LineValue, 7), 13, signed: true, out cents);

    public static void WritePayment(Span<byte> rec, string paymentId, char method, char refType, string reference, long amountCents, int dateReceived)
    {
        rec[..PaymentLength].Fill((byte)' ');
        Text(rec, 0, 12, paymentId);
        rec[12] = (byte)method;
        rec[13] = (byte)refType;
        Text(rec, 14, 16, reference);
        PackedDecimal.Encode(amountCents, rec.Slice(30, 7), 13, signed: true);
        Digits(rec, 37, 8, dateReceived);
    }

    /// <summary>A PIC X field: the text left-justified, space-padded (null or empty: spaces); longer text or a non-ASCII character throws.</summary>
    public static void Text(Span<byte> rec, int offset, int length, string? value) => CodePage.Ascii.Encode(value ?? "", rec.Slice(offset, length));

    /// <summary>An unsigned DISPLAY field; a negative value or one with more digits than the field throws.</summary>
    public static void Digits(Span<byte> rec, int offset, int length, long value) =>
        ZonedDecimal.Encode(value, rec.Slice(offset, length), length, SignPlacement.Unsigned, OverpunchStyle.AsciiEbcdicLetters);
}
