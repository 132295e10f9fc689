using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Cobol.Sorting;
using Collections.Domain.Calendar;
using Collections.Domain.Receivables;
using Collections.Legacy.Clv200;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv300;

/// <summary>The data sets of STEP030 (the DD statements of run-cycle.sh for CLV300).</summary>
/// <param name="Sysin">control card (stdin of the step: OUTDIR/SYSIN)</param>
/// <param name="Entcalc">DD ENTCALC (input, RECFM=V)</param>
/// <param name="HolidayTable">DD HOLIDAY (ref HOLIDAY.DAT)</param>
/// <param name="Stmtout">DD STMTOUT (output, STMTHDR, RECFM=F 200)</param>
/// <param name="Stmtdtl">DD STMTDTL (output, RECFM=F 80)</param>
/// <param name="Ctltots">DD CTLTOTS (optional, opened EXTEND)</param>
public sealed record Clv300Files(string Sysin, string Entcalc, string HolidayTable, string Stmtout, string Stmtdtl, string Ctltots)
{
    /// <summary>The files of a cycle: OUTDIR data sets and the reference library, as run-cycle.sh assigns them.</summary>
    public static Clv300Files ForCycle(string outDir, string refDir) => new(
        Path.Combine(outDir, "SYSIN"),
        Path.Combine(outDir, "ENTCALC"),
        Path.Combine(refDir, "HOLIDAY.DAT"),
        Path.Combine(outDir, "STMTOUT"),
        Path.Combine(outDir, "STMTDTL"),
        Path.Combine(outDir, "CTLTOTS"));
}

/// <summary>
/// STEP030 (program CLV300): assigns each entry of ENTCALC to its receivable (single pay, daily statement, periodic
/// monthly statement per importer or per filer) with the domain's <see cref="ReceivableAssigner"/>, sorts the
/// receivables as the legacy's SORT does (<see cref="CobolSort"/>, bounded memory), builds the statements with
/// <see cref="StatementAccumulator"/>, writes STMTOUT and STMTDTL, appends its control totals to CTLTOTS, writes its
/// messages and returns the legacy's return code: 0, 4 (unknown fee class, date beyond the holiday table), 8 (control
/// card, holiday table) or 16 (file error). Discovered by the cycle (<see cref="LegacySteps.Discover"/>) as STEP030.
/// </summary>
public sealed class Clv300Step : ILegacyStep
{
    public const string Step = "STEP030";
    public const string ProgramName = "CLV300";

    public string StepName => Step;

    public string Program => ProgramName;

    /// <summary>The receivable rules (default: the legacy's).</summary>
    public ReceivablePolicies Policies { get; init; } = ReceivablePolicies.Legacy;

    /// <summary>
    /// Bytes of sort records held in memory before the sort spills runs to temporary files (default 4 MiB: a day of
    /// 23,000 entries fits; a larger day spills, which costs less than the memory its records would take).
    /// </summary>
    public long SortMemoryLimitBytes { get; init; } = 4L << 20;

    /// <summary>Folder of the sort's temporary files (default: the system temporary folder).</summary>
    public string? SortTempDirectory { get; init; }

    /// <summary>Runs the step on the cycle's data sets (OUTDIR/ENTCALC, the reference library) as run-cycle.sh would.</summary>
    public int Run(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var sysout = LegacyProgram.OpenSysout(context, this);
        return Run(Clv300Files.ForCycle(context.OutDir, context.RefDir), sysout, context.Diagnostics);
    }

    /// <summary>
    /// Runs CLV300 over <paramref name="files"/>, writing its messages to <paramref name="sysout"/> exactly as the
    /// legacy does. What the legacy cannot say (record number, field and bytes of bad ENTCALC data) goes to
    /// <paramref name="diagnostics"/> (default: standard error). Returns the RC.
    /// </summary>
    public int Run(Clv300Files files, TextWriter sysout, TextWriter? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sysout);
        var run = new Clv300Run(files, sysout, this);
        return LegacyProgram.Run(ProgramName, run, sysout, diagnostics ?? Console.Error);
    }
}

internal sealed class Clv300Run(Clv300Files files, TextWriter sysout, Clv300Step step) : ILegacyProgramRun
{
    private static readonly EditedPicture DisplayCount = new("ZZZ,ZZ9");   // WS-DISPLAY-COUNT

    private readonly List<(string Fd, string Dd)> _open = [];
    private FileStream? _entcalcStream, _holiday, _stmtoutStream, _stmtdtlStream, _ctltotsStream;
    private EntcalcReader? _entcalc;
    private FixedRecordWriter<StatementHeaderRecord>? _stmtout;
    private FixedRecordWriter<StatementDetailRecord>? _stmtdtl;
    private RecordWriter? _ctltots;
    private int _rc;
    private int _runDate;
    private long _entcalcRead, _allocationsSkipped;   // WS-ENTCALC-READ, WS-ALLOC-SKIPPED (S9(07) COMP-3)
    private ReceivableAssigner? _assigner;
    private StatementAccumulator? _statements;

    /// <summary>The files opened so far (FD name, DD name), in opening order.</summary>
    public IReadOnlyList<(string Fd, string Dd)> OpenedFiles => _open;

    public int Execute()
    {
        // 1000-INITIALIZE
        Display("CLV3000I CLV300 STATEMENT ASSIGNMENT STARTED");
        ReadControlCard();
        OpenFiles();
        WorkingDayCalendar? calendar = null;
        if (_rc < 8)
        {
            calendar = HolidayTableLoader.Load(ReadHolidays(), sysout);
            if (calendar is null) SetRc(8);
        }
        if (_rc < 8) Sort(calendar!);
        Terminate();
        return _rc;
    }

    private void Display(string text) => sysout.Write(text + "\n");

    private void SetRc(int rc)
    {
        if (rc > _rc) _rc = rc;
    }

    // 1100-READ-CONTROL-CARD
    private void ReadControlCard()
    {
        if (ControlCard.Read(files.Sysin, Clv300Step.ProgramName, Display) is { } date) _runDate = date;
        else SetRc(8);
    }

    // 1200-OPEN-FILES
    private void OpenFiles()
    {
        _entcalcStream = LegacyAbend.Open(files.Entcalc, FileMode.Open, FileAccess.Read, "ENTCALC");
        _entcalc = EntcalcReader.Create(_entcalcStream, "ENTCALC", leaveOpen: true, decodeMpfAllocations: false);   // M records are only counted
        _open.Add(("ENTCALC-FILE", "ENTCALC"));
        _holiday = LegacyAbend.Open(files.HolidayTable, FileMode.Open, FileAccess.Read, "HOLIDAY");
        _open.Add(("HOLIDAY-FILE", "HOLIDAY"));
        _stmtoutStream = LegacyAbend.Open(files.Stmtout, FileMode.Create, FileAccess.Write, "STMTOUT");
        _stmtout = FixedRecordWriter<StatementHeaderRecord>.Create(_stmtoutStream, leaveOpen: true);
        _open.Add(("STMTOUT-FILE", "STMTOUT"));
        _stmtdtlStream = LegacyAbend.Open(files.Stmtdtl, FileMode.Create, FileAccess.Write, "STMTDTL");
        _stmtdtl = FixedRecordWriter<StatementDetailRecord>.Create(_stmtdtlStream, leaveOpen: true);
        _open.Add(("STMTDTL-FILE", "STMTDTL"));
        _ctltotsStream = LegacyAbend.Open(files.Ctltots, FileMode.Append, FileAccess.Write, "CTLTOTS");
        _ctltots = RecordWriter.Create(_ctltotsStream, new RecordWriterOptions { Format = RecordFormat.LineSequential, LeaveOpen = true });
        _open.Add(("CTLTOT-FILE", "CTLTOTS"));
    }

    // 1310-READ-HOLIDAY (the whole table: it is read before anything else uses it)
    private List<byte[]> ReadHolidays()
    {
        try
        {
            return LineSequential.ReadRecords(_holiday!, HolidayTableLoader.RecordLength, "HOLIDAY");
        }
        catch (IOException)
        {
            throw new LegacyAbend("HOLIDAY", "READ", "30");
        }
    }

    // SORT SORT-FILE ON ASCENDING KEY SR-REF-TYPE SR-REFERENCE SR-ENTRY-NO INPUT PROCEDURE 2000 OUTPUT PROCEDURE 3000
    private void Sort(WorkingDayCalendar calendar)
    {
        _assigner = new ReceivableAssigner(calendar, _runDate, step.Policies);
        _statements = new StatementAccumulator(_runDate);
        using var sort = CobolSort.Create(new CobolSortOptions
        {
            RecordLength = ReceivableSortRecord.RecordLength,
            Keys = [CobolSortKey.Ascending(0, ReceivableSortRecord.KeyLength)],
            MemoryLimitBytes = Math.Max(ReceivableSortRecord.RecordLength, step.SortMemoryLimitBytes),
            TempDirectory = step.SortTempDirectory,
        });
        try
        {
            AssignReceivables(sort);
            WriteStatements(sort);
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            // SORT-RETURN not zero: the sort could not use its work files
            Display("CLV3003E SORT FAILED, SORT-RETURN = +000000016");
            SetRc(16);
        }
    }

    // 2000-ASSIGN-RECEIVABLES (sort input procedure)
    private void AssignReceivables(CobolSort sort)
    {
        var record = new byte[ReceivableSortRecord.RecordLength];
        while (ReadEntcalc() is { } r)
        {
            if (r.EntryTotal is null)
            {
                _allocationsSkipped = Count(_allocationsSkipped);
                continue;
            }
            var entry = Clv300Records.ToReceivableEntry(r.EntryTotal);
            if (!ReceivableAssigner.CanAssign(entry))
                throw new LegacyAbend("ENTCALC", "READ", "34",
                    $"ENTCALC RECORD {r.RecordNumber} ENTRY {entry.EntryNumber}: ECT-ENTRY-DATE {entry.EntryDate} HAS NO MONTH 01-12 FOR THE MONTH-END TABLE (PAYMENT TYPE {entry.PaymentType})");
            var assignment = _assigner!.Assign(entry);
            foreach (var warning in assignment.Warnings)
            {
                switch (warning)
                {
                    case UnknownFeeClass u:
                        Display("CLV2201W UNKNOWN FEE CLASS " + u.FeeClass + " ON ENTRY " + u.EntryNumber);
                        break;
                    case DateBeyondHolidayTable d:
                        Display("CLV8211W DATE " + d.Date.ToString("D8", CultureInfo.InvariantCulture) + " IS BEYOND THE HOLIDAY TABLE");
                        break;
                }
                SetRc(4);
            }
            ReceivableSortRecord.Encode(assignment, record);
            sort.Release(record);
        }
    }

    // 2100-READ-ENTCALC
    private EntcalcRecord? ReadEntcalc()
    {
        try
        {
            if (!_entcalc!.TryRead(out var record)) return null;
            _entcalcRead = Count(_entcalcRead);
            return record;
        }
        catch (EntcalcFormatException e) when (IsLengthPrefixAtEnd(e))
        {
            return null;   // libcob reads a length prefix with nothing after it as the end of the file
        }
        catch (EntcalcFormatException e)
        {
            throw new LegacyAbend("ENTCALC", "READ", EntcalcErrorStatus(e), "ENTCALC " + e.Message);
        }
        catch (IOException e)
        {
            throw new LegacyAbend("ENTCALC", "READ", "30", e.Message);
        }
    }

    /// <summary>
    /// The file status GnuCOBOL gives: a short record at the end of the file is 04 (the record is shorter than its
    /// length prefix), a length prefix cut short is 30. Invalid data in a complete record is no I/O error for the
    /// legacy (it goes on with whatever the MOVEs make of it); the port stops with 34 and names the field.
    /// </summary>
    private string EntcalcErrorStatus(EntcalcFormatException e)
    {
        if (!IsCutShort(e)) return "34";
        return e.Offset + 4 > _entcalcStream!.Length ? "30" : "04";
    }

    private static bool IsCutShort(EntcalcFormatException e) => e.Field == "record" && e.Reason.StartsWith("truncated record", StringComparison.Ordinal);

    /// <summary>The file ends right after a complete 4-byte length prefix.</summary>
    private bool IsLengthPrefixAtEnd(EntcalcFormatException e) => IsCutShort(e) && e.RawHex.Length == 0 && e.Offset + 4 == _entcalcStream!.Length;

    private static long Count(long counter) => (counter + 1) % 10_000_000;   // ADD 1 TO PIC S9(07) COMP-3

    // 3000-WRITE-STATEMENTS (sort output procedure)
    private void WriteStatements(CobolSort sort)
    {
        var statements = _statements!;
        ReceivableAssignment? current = Return(sort, null);
        while (current is not null)
        {
            statements.Start(current);
            while (current is not null && statements.BelongsToOpenStatement(current))
            {
                statements.Add(current);
                Write(_stmtdtl!, Clv300Records.ToDetail(current), "STMTDTL");
                current = Return(sort, current);
            }
            Write(_stmtout!, Clv300Records.ToHeader(statements.Complete()), "STMTOUT");
        }
        // libcob writes each record at its WRITE; ours are buffered, so a write error must show here, as a WRITE error
        Flush(_stmtdtl!, _stmtdtlStream!, "STMTDTL");
        Flush(_stmtout!, _stmtoutStream!, "STMTOUT");
    }

    private static void Flush<T>(FixedRecordWriter<T> writer, FileStream file, string dd) where T : IFixedRecord<T>
    {
        try
        {
            writer.Flush();
            file.Flush();
        }
        catch (IOException e)
        {
            throw LegacyAbend.WriteFailed(dd, e);
        }
    }

    // 3100-RETURN-SORTED
    private static ReceivableAssignment? Return(CobolSort sort, ReceivableAssignment? previous) =>
        sort.Return(out var r) ? ReceivableSortRecord.Decode(r.Span, previous) : null;

    private static void Write<T>(FixedRecordWriter<T> writer, T record, string dd) where T : IFixedRecord<T>
    {
        try
        {
            writer.Write(record);
        }
        catch (IOException e)
        {
            throw LegacyAbend.WriteFailed(dd, e);
        }
    }

    // 9000-TERMINATE
    private void Terminate()
    {
        if (_runDate > 0) WriteControlTotals();
        CloseAll();
        Display("CLV9001I ENTRIES ASSIGNED      " + Edit(_assigner?.Totals.EntriesAssigned ?? 0));
        Display("CLV9002I RECEIVABLES WRITTEN   " + Edit(_statements?.StatementsWritten ?? 0));
        Display("CLV9003I STATEMENT DATES MOVED " + Edit(_assigner?.Totals.DatesAdjusted ?? 0));
        Display("CLV9009I CLV300 ENDED, RETURN CODE " + _rc.ToString("D4", CultureInfo.InvariantCulture));
    }

    /// <summary>MOVE count TO WS-DISPLAY-COUNT (PIC ZZZ,ZZ9).</summary>
    private static string Edit(long count) => DisplayCount.Format(count, 0);

    // 9100-WRITE-CONTROL-TOTALS
    private void WriteControlTotals()
    {
        var totals = _assigner?.Totals;
        var seq = 0;
        void Line(string description, long count, long amount)
        {
            seq = (seq + 1) % 100;   // WS-CTL-SEQ PIC 9(02)
            var record = new byte[ControlTotalRecord.RecordLength];
            ControlTotalRecord.Build(record, Clv300Step.ProgramName, _runDate, seq, description, Math.Abs(count) % 1_000_000_000, amount);
            try
            {
                _ctltots!.Write(record);
            }
            catch (IOException)
            {
                // LINE SEQUENTIAL writes are buffered by libcob: a write error shows only at CLOSE, whose status CLV300 does not check
            }
        }
        long CountOf(PaymentTypeBucket b) => totals?.CountOf(b) ?? 0;
        long AmountOf(PaymentTypeBucket b) => totals?.AmountCentsOf(b) ?? 0;
        Line("ENTCALC RECORDS READ", _entcalcRead, 0);
        Line("MPF ALLOCATION RECORDS SKIPPED", _allocationsSkipped, 0);
        Line("ENTRIES - SINGLE PAY", CountOf(PaymentTypeBucket.SinglePay), AmountOf(PaymentTypeBucket.SinglePay));
        Line("ENTRIES - DAILY STATEMENT", CountOf(PaymentTypeBucket.DailyStatement), AmountOf(PaymentTypeBucket.DailyStatement));
        Line("ENTRIES - PMS IMPORTER", CountOf(PaymentTypeBucket.PmsImporter), AmountOf(PaymentTypeBucket.PmsImporter));
        Line("ENTRIES - PMS FILER", CountOf(PaymentTypeBucket.PmsFiler), AmountOf(PaymentTypeBucket.PmsFiler));
        Line("STATEMENT DATES MOVED BACK", totals?.DatesAdjusted ?? 0, 0);
        Line("STMTDTL RECORDS WRITTEN", _statements?.DetailsWritten ?? 0, 0);
        Line("STMTOUT RECEIVABLES WRITTEN", _statements?.StatementsWritten ?? 0, _statements?.StatementTotalCents ?? 0);
    }

    public void CloseAll()
    {
        _open.Clear();
        _entcalc?.Dispose();
        _entcalc = null;
        Close(_stmtout);
        _stmtout = null;
        Close(_stmtdtl);
        _stmtdtl = null;
        try
        {
            _ctltots?.Dispose();
            _ctltotsStream?.Dispose();
        }
        catch (IOException)
        {
            // CLOSE CTLTOT-FILE: its status is not checked
        }
        _ctltots = null;
        foreach (var s in new Stream?[] { _entcalcStream, _holiday, _stmtoutStream, _stmtdtlStream }) Close(s);
        _entcalcStream = _holiday = _stmtoutStream = _stmtdtlStream = _ctltotsStream = null;
    }

    /// <summary>
    /// CLOSE of an output file; the legacy does not check the CLOSE status. After a normal run the records are
    /// already written (<see cref="Flush"/>); after an abend, what cannot be written is lost, as in the legacy.
    /// </summary>
    private static void Close(IDisposable? writer)
    {
        try
        {
            writer?.Dispose();
        }
        catch (IOException)
        {
            // not checked, as CLOSE ... without a status test
        }
    }
}
