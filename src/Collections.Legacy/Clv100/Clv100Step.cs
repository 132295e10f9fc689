using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Numerics;
using Collections.Cobol.Records;
using Collections.Domain.LineDuties;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv100;

/// <summary>The data sets of STEP010 (the DD statements run-cycle.sh sets for CLV100).</summary>
public sealed record Clv100Files(
    string Sysin, string Entryin, string Tariff, string Chapter99, string Adcvd, string ExchangeRates, string Spi,
    string Fees, string Linecalc, string Rejects, string Ctltots)
{
    public static Clv100Files ForCycle(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new(context.Sysin, context.In("ENTRYIN"), context.Ref("TARIFF.DAT"), context.Ref("CH99.DAT"),
            context.Ref("ADCVD.DAT"), context.Ref("EXRATE.DAT"), context.Ref("SPI.DAT"), context.Ref("FEES.DAT"),
            context.Out("LINECALC"), context.Out("REJECTS"), context.Out("CTLTOTS")) { LinecalcTee = context.TeeOf("LINECALC") };
    }

    /// <summary>A stream that receives a copy of every LINECALC byte (the pipe of an overlapped STEP020), or null. Not disposed by the step.</summary>
    public Stream? LinecalcTee { get; init; }
}

/// <summary>
/// STEP010, program CLV100: edit the day's entry summaries and compute the line duties, taxes and fees. Streams
/// ENTRYIN one record at a time (memory does not grow with the file), writes LINECALC, REJECTS, appends its control
/// totals to CTLTOTS, writes the program's messages to sysout and returns the legacy's return code (0, 4, 8, 16).
/// What the legacy cannot say (record number, field, raw bytes of bad data) goes to the diagnostics writer.
/// </summary>
public sealed class Clv100Step : IStreamingStep
{
    public string StepName => "STEP010";
    public string Program => "CLV100";

    /// <summary>LINECALC can be copied to <see cref="StepContext.Tees"/> (<see cref="Clv100Files.LinecalcTee"/>).</summary>
    public IReadOnlyCollection<string> TeeableOutputs { get; } = ["LINECALC"];

    public IReadOnlyCollection<string> RedirectableDataSets { get; } = [];

    /// <summary>The rounding at each site (default: the legacy's).</summary>
    public Clv100RoundingPolicies Policies { get; init; } = Clv100RoundingPolicies.Legacy;

    public int Run(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sysoutPath = context.SysoutPath.Length > 0 ? context.SysoutPath : context.SysoutPathOf(this);
        Directory.CreateDirectory(Path.GetDirectoryName(sysoutPath)!);
        using var sysout = new StreamWriter(sysoutPath, append: false, Encoding.Latin1) { NewLine = "\n" };
        return Run(Clv100Files.ForCycle(context), sysout, context.Diagnostics);
    }

    /// <summary>Runs CLV100 over <paramref name="files"/>; messages to <paramref name="sysout"/>. Returns the RC.</summary>
    public int Run(Clv100Files files, TextWriter sysout, TextWriter? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sysout);
        var run = new Clv100Run(files, sysout, diagnostics ?? TextWriter.Null, Policies);
        try
        {
            return run.Execute();
        }
        catch (Clv100Abend abend)
        {
            run.Display("CLV9901E FILE ERROR DD=" + abend.DdName.PadRight(8) + " OPERATION=" + abend.Operation.PadRight(8) + " STATUS=" + abend.Status);
            run.Display("CLV9902E CLV100 ABENDING WITH RETURN CODE 16");
            // STOP RUN with files open: the runtime closes them, newest first, with a warning on stderr (which
            // run-cycle.sh sends to the same sysout file).
            foreach (var (fd, dd) in Enumerable.Reverse(run.OpenedFiles)) run.Display($"libcob: warning: implicit CLOSE of {fd} ('{dd}')");
            if (abend.Detail is not null) (diagnostics ?? TextWriter.Null).WriteLine("CLV100 " + abend.Detail);
            return 16;
        }
        catch (AcceptInterrupt)
        {
            return AcceptInterrupt.Report("CLV100", sysout, diagnostics ?? TextWriter.Null);
        }
        finally
        {
            run.CloseAll();
            sysout.Flush();
        }
    }
}

/// <summary>CLV100's run counters and amount totals (cents; raw MPF in 0.00001 dollars) as its control totals report them.</summary>
internal readonly record struct Clv100Totals(
    long RecordsRead, long HeadersRead, long LinesRead, long BeforeTrailer, long ValueHash, long TrailerRecords, long TrailerHash,
    long EntriesAccepted, long EntriesRejected, long LinesAssessed, long TotalUsd, long LinesRejected, long Warnings,
    long LinecalcWritten, long TotalDuty, long TotalCh99, long TotalAdcvd, long TotalRawMpf, long TotalCotton, long RejectsWritten,
    bool TrailerHashNegativeZero = false);

internal sealed class Clv100Abend(string ddName, string operation, string status, string? detail = null) : Exception($"{ddName} {operation} {status}")
{
    public string DdName { get; } = ddName;
    public string Operation { get; } = operation;
    public string Status { get; } = status;
    public string? Detail { get; } = detail;
}

internal sealed class Clv100Run
{
    private const long Count7 = 10_000_000;
    private readonly Clv100Files _files;
    private readonly TextWriter _sysout;
    private readonly TextWriter _diag;
    private readonly Clv100RoundingPolicies _policies;
    private readonly List<(string Fd, string Dd)> _open = [];
    private readonly List<IDisposable> _disposables = [];
    private readonly byte[] _linecalc = new byte[LinecalcLayout.RecordLength];
    private readonly byte[] _reject = new byte[RejectRecord.RecordLength];
    private readonly byte[] _ctl = new byte[ControlTotalRecord.RecordLength];
    /// <summary>The LINECALC bytes every line of the current accepted entry starts from (built once per entry).</summary>
    private readonly byte[] _entryPart = new byte[LinecalcLayout.RecordLength];
    /// <summary>The one line result of the run, reset for each line.</summary>
    private readonly LineCalculation _calc = new();

    private FileStream? _entryin, _tariff, _ch99, _adcvd, _exrate, _spi, _fees;
    private RecordWriter? _linecalcOut, _rejectsOut, _ctltotsOut;
    private LineCalculator? _calculator;
    private Domain.Reference.Clv100Reference? _reference;

    private int _rc, _runDate, _ctlSeq;
    // counters: PIC S9(07) COMP-3 (wrap at 10**7 as ADD without ON SIZE ERROR does)
    private long _recordsRead, _beforeTrailer, _headersRead, _linesRead, _entriesAccepted, _entriesRejected,
        _linesAssessed, _linesRejected, _warnings, _linecalcWritten, _rejectsWritten, _trailerRecords;
    private int _currEntryLines, _lastLineNo;
    // amounts: S9(15)V99 in cents; raw MPF S9(13)V9(05)
    private long _valueHash, _trailerHash, _totalUsd, _totalDuty, _totalCh99, _totalAdcvd, _totalRawMpf, _totalCotton;
    private bool _trailerFound;

    /// <summary>ET-VALUE-HASH was packed negative zero (digits 0, sign D): MOVE keeps the sign into WS-TRAILER-HASH and CT-AMOUNT ('}').</summary>
    private bool _trailerHashNegativeZero;
    private char _entryState = 'N';
    /// <summary>WS-CUR-ENTRY-NO, X(11), as bytes (compared with each line's entry number).</summary>
    private readonly byte[] _curEntryNo = "           "u8.ToArray();
    private string _prevEntryNo = EntryHeaderEdits.NoPreviousEntry;
    private AcceptedEntry? _current;

    public Clv100Run(Clv100Files files, TextWriter sysout, TextWriter diag, Clv100RoundingPolicies policies)
    {
        _files = files;
        _sysout = sysout;
        _diag = diag;
        _policies = policies;
    }

    public IReadOnlyList<(string Fd, string Dd)> OpenedFiles => _open;

    public void Display(string text) => _sysout.Write(text + "\n");

    private void SetRc(int rc)
    {
        if (rc > _rc) _rc = rc;
    }

    public int Execute()
    {
        // 1000-INITIALIZE
        Display("CLV1000I CLV100 ENTRY SUMMARY EDIT AND LINE CALCULATION STARTED");
        var card = ControlCard.Accept(_files.Sysin);
        if (ControlCard.RunDate(card) is { } runDate)
        {
            _runDate = runDate;
            Display("CLV1001I RUN DATE " + runDate.ToString("D8", CultureInfo.InvariantCulture));
        }
        else
        {
            Display("CLV1002E INVALID CONTROL CARD: " + LegacyNumeric.Text(card));
            SetRc(8);
        }
        OpenFiles();
        if (_rc < 8) LoadTables();
        if (_rc < 8) ProcessEntries();
        Terminate();
        return _rc;
    }

    // 1200-OPEN-FILES
    private void OpenFiles()
    {
        _entryin = OpenInput(_files.Entryin, "ENTRY-FILE", "ENTRYIN");
        _tariff = OpenInput(_files.Tariff, "TARIFF-FILE", "TARIFF");
        _ch99 = OpenInput(_files.Chapter99, "CH99-FILE", "CH99TAB");
        _adcvd = OpenInput(_files.Adcvd, "ADCVD-FILE", "ADCVDTAB");
        _exrate = OpenInput(_files.ExchangeRates, "EXRATE-FILE", "EXRATE");
        _spi = OpenInput(_files.Spi, "SPI-FILE", "SPITAB");
        _fees = OpenInput(_files.Fees, "FEE-FILE", "FEETAB");
        _linecalcOut = OpenOutput(_files.Linecalc, "LINECALC-FILE", "LINECALC", FileMode.Create, RecordFormat.Fixed, LinecalcLayout.RecordLength, _files.LinecalcTee, writeBehind: true);
        _rejectsOut = OpenOutput(_files.Rejects, "REJECT-FILE", "REJECTS", FileMode.Create, RecordFormat.LineSequential, RejectRecord.RecordLength);
        _ctltotsOut = OpenOutput(_files.Ctltots, "CTLTOT-FILE", "CTLTOTS", FileMode.Append, RecordFormat.LineSequential, ControlTotalRecord.RecordLength);
    }

    private FileStream OpenInput(string path, string fd, string dd)
    {
        try
        {
            var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            _disposables.Add(s);
            _open.Add((fd, dd));
            return s;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Clv100Abend(dd, "OPEN", e is FileNotFoundException or DirectoryNotFoundException ? "35" : "37", $"{path}: {e.Message}");
        }
    }

    private RecordWriter OpenOutput(string path, string fd, string dd, FileMode mode, RecordFormat format, int length, Stream? tee = null, bool writeBehind = false)
    {
        try
        {
            Stream s = new FileStream(path, mode, FileAccess.Write, FileShare.Read, 1 << 16);
            if (tee is not null) s = new Pipeline.TeeStream(s, tee);
            // the file's system calls and the copy to the tee on another thread (the other core): this one copies once
            if (writeBehind) s = new WriteBehindStream(s, dd + " writer");
            var w = RecordWriter.Create(s, new RecordWriterOptions { Format = format, RecordLength = length });
            _disposables.Add(w);
            _disposables.Add(s);
            _open.Add((fd, dd));
            return w;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Clv100Abend(dd, "OPEN", "30", $"{path}: {e.Message}");
        }
    }

    public void CloseAll()
    {
        foreach (var d in _disposables)
        {
            try { d.Dispose(); }
            catch (IOException) { }
        }
        _disposables.Clear();
    }

    // 1300..1800 + 1900-END-TABLE-LOAD after each table
    private void LoadTables()
    {
        var t = new Clv100Tables(Display, m => _diag.WriteLine(m));
        EndTable(t.LoadTariff(Table(_tariff!, 120, _files.Tariff, "TARIFF"), _files.Tariff));
        EndTable(t.LoadChapter99(Table(_ch99!, 90, _files.Chapter99, "CH99TAB"), _files.Chapter99));
        EndTable(t.LoadAdcvd(Table(_adcvd!, 90, _files.Adcvd, "ADCVDTAB"), _files.Adcvd));
        EndTable(t.LoadExchangeRates(Table(_exrate!, 40, _files.ExchangeRates, "EXRATE"), _files.ExchangeRates));
        EndTable(t.LoadSpi(Table(_spi!, 50, _files.Spi, "SPITAB"), _files.Spi));
        EndTable(t.LoadFees(Table(_fees!, 80, _files.Fees, "FEETAB"), _files.Fees));
        _reference = t.ToReference();
        _calculator = new LineCalculator(_reference, _policies);
    }

    private void EndTable(bool ok)
    {
        if (ok) return;
        Display("CLV1901E REFERENCE DATA ERROR - RUN STOPPED");
        SetRc(8);
    }

    private static IEnumerable<(long, byte[])> Table(FileStream stream, int length, string file, string dd)
    {
        using var reader = RecordReader.Create(stream, new RecordReaderOptions
        {
            Format = RecordFormat.LineSequential, RecordLength = length, FileName = file, LeaveOpen = true,
        });
        while (true)
        {
            RecordReadStatus status;
            ReadOnlyMemory<byte> rec;
            try { status = reader.Read(out rec); }
            catch (Exception e) when (e is IOException or RecordFormatException) { throw new Clv100Abend(dd, "READ", "30", $"{file}: {e.Message}"); }
            if (status == RecordReadStatus.EndOfFile) yield break;
            var padded = new byte[length];
            padded.AsSpan().Fill((byte)' ');
            rec.Span[..Math.Min(length, rec.Length)].CopyTo(padded);
            yield return (reader.RecordNumber, padded);
        }
    }

    // 2000-PROCESS-ENTRIES
    private void ProcessEntries()
    {
        using var reader = RecordReader.Create(_entryin!, new RecordReaderOptions
        {
            Format = RecordFormat.Fixed, RecordLength = EntryRecordLayout.RecordLength, FileName = _files.Entryin, LeaveOpen = true,
        });
        while (true)
        {
            RecordReadStatus status;
            ReadOnlyMemory<byte> mem;
            try { status = reader.Read(out mem); }
            catch (IOException e) { throw new Clv100Abend("ENTRYIN", "READ", "30", $"{_files.Entryin}: {e.Message}"); }
            if (status == RecordReadStatus.EndOfFile) break;
            _recordsRead = (_recordsRead + 1) % Count7;
            var rec = mem.Span;
            if (_trailerFound)
            {
                Diagnose($"record {_recordsRead} follows the trailer (type '{(rec.Length > 0 ? (char)rec[0] : ' ')}')", rec);
                Reject(Blank11, Stars, Clv100Reasons.AfterTrailer);
                SetRc(8);
            }
            else if (status == RecordReadStatus.Truncated)
            {
                Diagnose($"record {_recordsRead} is {rec.Length} bytes, less than 250 (file ends inside the record)", rec);
                Reject(Blank11, Stars, Clv100Reasons.ShortRecord);
            }
            else if (rec[0] == (byte)'H')
            {
                _beforeTrailer = (_beforeTrailer + 1) % Count7;
                ProcessHeader(rec);
            }
            else if (rec[0] == (byte)'L')
            {
                _beforeTrailer = (_beforeTrailer + 1) % Count7;
                ProcessLine(rec);
            }
            else if (rec[0] == (byte)'T')
            {
                ProcessTrailer(rec);
            }
            else
            {
                _beforeTrailer = (_beforeTrailer + 1) % Count7;
                Diagnose($"record {_recordsRead}: field ER-REC-TYPE offset 0 raw {LegacyNumeric.Hex(rec[..1])} is not H, L or T", default);
                Reject(Blank11, Stars, Clv100Reasons.RecordType);
            }
        }
        EndOfEntry();
        if (!_trailerFound)
        {
            Reject(Blank11, Stars, Clv100Reasons.TrailerMissing);
            Display("CLV2001E ENTRYIN HAS NO TRAILER RECORD");
            SetRc(8);
        }
    }

    private static readonly byte[] Blank11 = "           "u8.ToArray();
    private static readonly byte[] Stars = "***"u8.ToArray();
    private static readonly byte[] Zeros3 = "000"u8.ToArray();

    private void Diagnose(string message, ReadOnlySpan<byte> raw) =>
        _diag.WriteLine(raw.IsEmpty ? $"CLV100 {_files.Entryin} {message}" : $"CLV100 {_files.Entryin} {message} raw {LegacyNumeric.Hex(raw)}");

    // 2200-PROCESS-HEADER
    private void ProcessHeader(ReadOnlySpan<byte> rec)
    {
        EndOfEntry();
        _headersRead = (_headersRead + 1) % Count7;
        var fields = EntryRecords.Header(rec);
        rec.Slice(EntryRecordLayout.EntryNo, 11).CopyTo(_curEntryNo);
        _lastLineNo = 0;
        _currEntryLines = 0;
        var outcome = EntryHeaderEdits.Evaluate(fields, _runDate, _prevEntryNo, _reference!, _policies);
        if (outcome.Accepted)
        {
            _entryState = 'A';
            _entriesAccepted = (_entriesAccepted + 1) % Count7;
            _current = outcome.Entry;
            LinecalcRecord.BuildEntryPart(_entryPart, _current!);
        }
        else
        {
            _entryState = 'R';
            _entriesRejected = (_entriesRejected + 1) % Count7;
            _diag.WriteLine($"CLV100 {_files.Entryin} record {_recordsRead}: entry {fields.EntryNumber} rejected {outcome.Reason} {Clv100Reasons.Get(outcome.Reason!).Text}");
            Reject(rec.Slice(EntryRecordLayout.EntryNo, 11), Zeros3, outcome.Reason!);
        }
        if (string.CompareOrdinal(fields.EntryNumber, _prevEntryNo) > 0) _prevEntryNo = fields.EntryNumber;
    }

    // 2300-PROCESS-LINE: allocation-free in the steady state (the record viewed in place, one reused result, the
    // LINECALC record built into a reused buffer); only a rejected line's diagnostic makes strings.
    private void ProcessLine(ReadOnlySpan<byte> rec)
    {
        _linesRead = (_linesRead + 1) % Count7;
        var fields = EntryRecords.Line(rec);
        if (fields.ForeignValue is { } value)
            _valueHash = LegacyNumeric.Wrap(_valueHash + value, 17);   // |hash| < 10^17 and |value| < 10^13: no overflow
        else
            Diagnose($"record {_recordsRead}: field EL-FOREIGN-VALUE offset {EntryRecordLayout.ForeignValue} raw {LegacyNumeric.Hex(rec.Slice(EntryRecordLayout.ForeignValue, 7))} is not valid packed decimal (counts zero in the hash)", default);
        var entryNo = fields.EntryNumber;
        var lineNo = fields.LineNumber;
        if (_entryState == 'N' || !entryNo.SequenceEqual(_curEntryNo))
        {
            _linesRejected = (_linesRejected + 1) % Count7;
            Reject(entryNo, lineNo, Clv100Reasons.NoHeader);
            return;
        }
        if (_entryState == 'R')
        {
            _linesRejected = (_linesRejected + 1) % Count7;
            _currEntryLines++;
            Reject(entryNo, lineNo, Clv100Reasons.HeaderRejected);
            return;
        }
        _currEntryLines++;
        var calc = _calc;
        _calculator!.Calculate(_current!, fields, ref _lastLineNo, calc);
        if (calc.IsAssessed)
        {
            if (calc.Status == 'W')
            {
                _warnings = (_warnings + 1) % Count7;
                Reject(entryNo, lineNo, calc.Reason!);
            }
            _linesAssessed = (_linesAssessed + 1) % Count7;
            // accumulators S9(15)V99 (S9(13)V9(05) for the raw MPF): each term is below 10^13 (10^14), so the sums
            // stay far below 2^63 before the wrap
            _totalUsd = LegacyNumeric.Wrap(_totalUsd + calc.UsdValue.Cents, 17);
            _totalDuty = LegacyNumeric.Wrap(_totalDuty + calc.Duty.Cents, 17);
            _totalCh99 = LegacyNumeric.Wrap(_totalCh99 + calc.Chapter99Total.Cents, 17);
            _totalAdcvd = LegacyNumeric.Wrap(_totalAdcvd + calc.AdcvdDeposit.Cents, 17);
            _totalRawMpf = LegacyNumeric.Wrap(_totalRawMpf + calc.RawMpf, 18);
            _totalCotton = LegacyNumeric.Wrap(_totalCotton + calc.CottonFee.Cents, 17);
        }
        else
        {
            _linesRejected = (_linesRejected + 1) % Count7;
            DiagnoseLine(rec, calc.Reason!);
            Reject(entryNo, lineNo, calc.Reason!);
        }
        LinecalcRecord.Build(_linecalc, _entryPart, rec, fields, calc, _recordsRead);
        Write(_linecalcOut!, _linecalc, "LINECALC");
        _linecalcWritten = (_linecalcWritten + 1) % Count7;
    }

    private void DiagnoseLine(ReadOnlySpan<byte> rec, string reason)
    {
        string detail = reason switch
        {
            Clv100Reasons.ForeignValue => $"field EL-FOREIGN-VALUE offset {EntryRecordLayout.ForeignValue} raw {H(rec, EntryRecordLayout.ForeignValue, 7)}",
            Clv100Reasons.QuantityOrKg => $"fields EL-NET-QUANTITY offset {EntryRecordLayout.NetQuantity} raw {H(rec, EntryRecordLayout.NetQuantity, 6)}, EL-NET-KG offset {EntryRecordLayout.NetKg} raw {H(rec, EntryRecordLayout.NetKg, 6)}",
            Clv100Reasons.LineNumber => $"field EL-LINE-NO offset {EntryRecordLayout.LineNo} raw {H(rec, EntryRecordLayout.LineNo, 3)}",
            Clv100Reasons.HtsNotOnTariff => $"field EL-HTS-NO '{T(rec, EntryRecordLayout.HtsNo, 10)}'",
            Clv100Reasons.SpiUnknown => $"field EL-SPI-CODE '{T(rec, EntryRecordLayout.Spi, 2)}'",
            Clv100Reasons.UnitMismatch => $"field EL-QUANTITY-UNIT '{T(rec, EntryRecordLayout.QuantityUnit, 3)}'",
            Clv100Reasons.Chapter99Count => $"field EL-CH99-COUNT offset {EntryRecordLayout.Ch99Count} raw {H(rec, EntryRecordLayout.Ch99Count, 1)}",
            Clv100Reasons.AdcvdCaseUnknown or Clv100Reasons.AdcvdCountry => $"field EL-ADCVD-CASE-NO '{T(rec, EntryRecordLayout.AdcvdCaseNo, 10)}' origin '{T(rec, EntryRecordLayout.Origin, 2)}'",
            _ => "",
        };
        _diag.WriteLine($"CLV100 {_files.Entryin} record {_recordsRead}: entry {T(rec, EntryRecordLayout.LineEntryNo, 11)} line {T(rec, EntryRecordLayout.LineNo, 3)} rejected {reason} {Clv100Reasons.Get(reason).Text} {detail}".TrimEnd());
    }

    private static string T(ReadOnlySpan<byte> rec, int offset, int length) => LegacyNumeric.Text(rec.Slice(offset, length));

    private static string H(ReadOnlySpan<byte> rec, int offset, int length) => LegacyNumeric.Hex(rec.Slice(offset, length));

    // 2400-PROCESS-TRAILER
    private void ProcessTrailer(ReadOnlySpan<byte> rec)
    {
        EndOfEntry();
        _trailerFound = true;
        var count = rec.Slice(EntryRecordLayout.TrailerRecordCount, 7);
        var entries = rec.Slice(EntryRecordLayout.TrailerEntryCount, 7);
        var hash = rec.Slice(EntryRecordLayout.TrailerValueHash, 9);
        if (!CobolNumericClass.IsUnsignedDisplay(count) || !CobolNumericClass.IsUnsignedDisplay(entries) || !CobolNumericClass.IsPacked(hash, signed: true))
        {
            Diagnose($"record {_recordsRead}: trailer ET-RECORD-COUNT raw {LegacyNumeric.Hex(count)}, ET-ENTRY-COUNT raw {LegacyNumeric.Hex(entries)}, ET-VALUE-HASH raw {LegacyNumeric.Hex(hash)}: not numeric", default);
            Reject(Blank11, Stars, Clv100Reasons.TrailerNotNumeric);
            SetRc(8);
        }
        else
        {
            _trailerHash = Cobol.Codecs.PackedDecimal.Decode(hash, 17, true);
            _trailerHashNegativeZero = _trailerHash == 0 && (hash[^1] & 0x0F) == 0x0D;
            _trailerRecords = LegacyNumeric.Digits(count);
            if (_trailerRecords != _beforeTrailer)
            {
                Diagnose($"trailer record count {_trailerRecords}, records counted {_beforeTrailer}", default);
                Reject(Blank11, Stars, Clv100Reasons.TrailerRecordCount);
                SetRc(8);
            }
            if (LegacyNumeric.Digits(entries) != _headersRead)
            {
                Diagnose($"trailer entry count {LegacyNumeric.Digits(entries)}, headers read {_headersRead}", default);
                Reject(Blank11, Stars, Clv100Reasons.TrailerEntryCount);
                SetRc(8);
            }
            if (_trailerHash != _valueHash)
            {
                Diagnose($"trailer value hash {Cobol.Codecs.FixedPoint.Format(_trailerHash, 2)}, computed {Cobol.Codecs.FixedPoint.Format(_valueHash, 2)}", default);
                Reject(Blank11, Stars, Clv100Reasons.TrailerHash);
                SetRc(8);
            }
        }
        if (_rc > 4) Display("CLV2401E ENTRYIN TRAILER DOES NOT BALANCE");
    }

    // 2500-END-OF-ENTRY
    private void EndOfEntry()
    {
        if (_entryState == 'A' && _currEntryLines != _current!.LineCount)
        {
            _warnings = (_warnings + 1) % Count7;
            Reject(_curEntryNo, Zeros3, Clv100Reasons.LineCountDisagrees);
        }
        _entryState = 'N';
    }

    // 8500-WRITE-REJECT
    private void Reject(ReadOnlySpan<byte> entryNo, ReadOnlySpan<byte> lineNo, string code)
    {
        RejectRecord.Build(_reject, "CLV100", entryNo, lineNo, _recordsRead, Clv100Reasons.Get(code));
        Write(_rejectsOut!, _reject, "REJECTS");
        _rejectsWritten = (_rejectsWritten + 1) % Count7;
        SetRc(4);
    }

    private static void Write(RecordWriter writer, ReadOnlySpan<byte> record, string dd)
    {
        try { writer.Write(record); }
        catch (IOException e) { throw new Clv100Abend(dd, "WRITE", "30", e.Message); }
    }

    // 9000-TERMINATE
    private void Terminate()
    {
        if (_runDate > 0) WriteControlTotals();
        // LINECALC's last bytes reach the file (written behind on another thread) before the run ends: a write error
        // is the file error it would have been at the WRITE
        if (_linecalcOut is not null)
        {
            try { _linecalcOut.Flush(); }
            catch (IOException e) { throw new Clv100Abend("LINECALC", "WRITE", "30", e.Message); }
        }
        CloseAll();
        Display(Count("CLV9001I RECORDS READ", _recordsRead));
        Display(Count("CLV9002I ENTRIES ACCEPTED", _entriesAccepted));
        Display(Count("CLV9003I ENTRIES REJECTED", _entriesRejected));
        Display(Count("CLV9004I LINES ASSESSED", _linesAssessed));
        Display(Count("CLV9005I LINES REJECTED", _linesRejected));
        Display(Count("CLV9006I REJECT RECORDS", _rejectsWritten));
        Display("CLV9009I CLV100 ENDED, RETURN CODE " + _rc.ToString("D4", CultureInfo.InvariantCulture));
    }

    /// <summary>DISPLAY literal (31 chars) + count edited ZZZ,ZZ9 (the MOVE keeps the low six digits).</summary>
    internal static string Count(string label, long value) => label.PadRight(31) + LegacyNumeric.EditCount(value);

    // 9100-WRITE-CONTROL-TOTALS
    private void WriteControlTotals()
    {
        var totals = new Clv100Totals(_recordsRead, _headersRead, _linesRead, _beforeTrailer, _valueHash, _trailerRecords, _trailerHash,
            _entriesAccepted, _entriesRejected, _linesAssessed, _totalUsd, _linesRejected, _warnings, _linecalcWritten, _totalDuty,
            _totalCh99, _totalAdcvd, _totalRawMpf, _totalCotton, _rejectsWritten, _trailerHashNegativeZero);
        foreach (var (description, count, amount) in ControlTotalLines(totals, _policies))
            Ctl(description, count, amount, negativeZero: totals.TrailerHashNegativeZero && description == TrailerHashLine);
    }

    /// <summary>CTLTOTS 05: a packed -0 trailer hash keeps its sign there (<see cref="Clv100Totals.TrailerHashNegativeZero"/>).</summary>
    internal const string TrailerHashLine = "RECORDS AND HASH PER TRAILER";

    /// <summary>The CTLTOTS lines of CLV100 (description, count, amount in cents) from its run totals, in order.</summary>
    internal static IEnumerable<(string Description, long Count, long AmountCents)> ControlTotalLines(Clv100Totals t, Clv100RoundingPolicies policies)
    {
        yield return ("ENTRYIN RECORDS READ", t.RecordsRead, 0);
        yield return ("ENTRY HEADERS READ", t.HeadersRead, 0);
        yield return ("ENTRY LINES READ", t.LinesRead, 0);
        yield return ("RECORDS AND HASH COMPUTED", t.BeforeTrailer, t.ValueHash);
        yield return (TrailerHashLine, t.TrailerRecords, t.TrailerHash);
        yield return ("ENTRIES ACCEPTED", t.EntriesAccepted, 0);
        yield return ("ENTRIES REJECTED", t.EntriesRejected, 0);
        yield return ("LINES ASSESSED - USD VALUE", t.LinesAssessed, t.TotalUsd);
        yield return ("LINES REJECTED", t.LinesRejected, 0);
        yield return ("WARNINGS ISSUED", t.Warnings, 0);
        yield return ("LINECALC RECORDS - DUTY", t.LinecalcWritten, t.TotalDuty);
        yield return ("CHAPTER 99 DUTIES", 0, t.TotalCh99);
        yield return ("AD/CVD CASH DEPOSITS", 0, t.TotalAdcvd);
        var rawMpfCents = CobolArithmetic.Store(CobolDecimal.FromUnscaled(t.TotalRawMpf, 5), new NumericPic(17, 2, true), policies.RawMpfControlTotal).Value;
        yield return ("RAW LINE MPF (TO CENTS)", 0, rawMpfCents.ToUnscaledInt64(2));
        yield return ("COTTON FEES", 0, t.TotalCotton);
        yield return ("REJECT RECORDS WRITTEN", t.RejectsWritten, 0);
    }

    private void Ctl(string description, long count, long amountCents, bool negativeZero = false)
    {
        _ctlSeq = (_ctlSeq + 1) % 100;
        ControlTotalRecord.Build(_ctl, "CLV100", _runDate, _ctlSeq, description, count, amountCents);
        // a MOVE of packed -0 (sign D) to the signed display CT-AMOUNT keeps the sign: overpunch '}' (-0) on the last digit
        if (negativeZero && amountCents == 0) _ctl[62 + 16] = (byte)'}';
        Write(_ctltotsOut!, _ctl, "CTLTOTS");
    }
}
