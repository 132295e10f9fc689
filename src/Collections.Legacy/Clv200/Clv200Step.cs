using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Domain.EntryFees;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv200;

/// <summary>The data sets of STEP020 (the DD statements of run-cycle.sh for CLV200).</summary>
/// <param name="Sysin">control card (stdin of the step: OUTDIR/SYSIN)</param>
/// <param name="Linecalc">DD LINECALC (input, RECFM=F 250)</param>
/// <param name="FeeTable">DD FEETAB (ref FEES.DAT)</param>
/// <param name="SpiTable">DD SPITAB (ref SPI.DAT)</param>
/// <param name="HmfPortTable">DD HMFPORT (ref HMFPORT.DAT)</param>
/// <param name="Entcalc">DD ENTCALC (output, RECFM=V)</param>
/// <param name="Ctltots">DD CTLTOTS (optional, opened EXTEND)</param>
public sealed record Clv200Files(string Sysin, string Linecalc, string FeeTable, string SpiTable, string HmfPortTable, string Entcalc, string Ctltots)
{
    /// <summary>The files of a cycle: OUTDIR data sets and the reference library, as run-cycle.sh assigns them.</summary>
    public static Clv200Files ForCycle(string outDir, string refDir) => new(
        Path.Combine(outDir, "SYSIN"),
        Path.Combine(outDir, "LINECALC"),
        Path.Combine(refDir, "FEES.DAT"),
        Path.Combine(refDir, "SPI.DAT"),
        Path.Combine(refDir, "HMFPORT.DAT"),
        Path.Combine(outDir, "ENTCALC"),
        Path.Combine(outDir, "CTLTOTS"));

    /// <summary>
    /// When set, LINECALC is read from this stream instead of <see cref="Linecalc"/> (the pipe of an overlapped
    /// STEP020). The step does not dispose it.
    /// </summary>
    public Stream? LinecalcSource { get; init; }

    /// <summary>When set, the control totals are written to this stream instead of being appended to <see cref="Ctltots"/>. Not disposed by the step.</summary>
    public Stream? CtltotsSink { get; init; }
}

/// <summary>
/// STEP020 (program CLV200): entry totals and entry fees from the line calculations. Streams LINECALC entry by
/// entry (memory bounded by one entry's lines), writes ENTCALC, appends its control totals to CTLTOTS, writes its
/// messages (the program's DISPLAY output) and returns the legacy's return code: 0, 8 (control card, reference
/// table, sequence or fee schedule error) or 16 (file could not be opened, read or written). Discovered by the
/// cycle (<see cref="LegacySteps.Discover"/>) as STEP020.
/// </summary>
public sealed class Clv200Step : IStreamingStep
{
    public const string Step = "STEP020";
    public const string ProgramName = "CLV200";

    public IReadOnlyCollection<string> TeeableOutputs { get; } = [];

    /// <summary>LINECALC (<see cref="Clv200Files.LinecalcSource"/>) and CTLTOTS (<see cref="Clv200Files.CtltotsSink"/>).</summary>
    public IReadOnlyCollection<string> RedirectableDataSets { get; } = ["LINECALC", "CTLTOTS"];

    public string StepName => Step;

    public string Program => ProgramName;

    /// <summary>Rounding and truncation policies (default: the legacy's).</summary>
    public EntryFeePolicies Policies { get; init; } = EntryFeePolicies.Legacy;

    /// <summary>Runs the step on the cycle's data sets (OUTDIR/LINECALC, the reference library) as run-cycle.sh would.</summary>
    public int Run(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var sysout = LegacyProgram.OpenSysout(context, this);
        var files = Clv200Files.ForCycle(context.OutDir, context.RefDir) with
        {
            LinecalcSource = context.RedirectOf("LINECALC"), CtltotsSink = context.RedirectOf("CTLTOTS"),
        };
        return Run(files, sysout, Policies, context.Diagnostics);
    }

    /// <summary>Runs the step for a cycle: inputs from <paramref name="outDir"/> and <paramref name="refDir"/>, messages to OUTDIR/sysout/STEP020.CLV200.</summary>
    public static int RunCycleStep(string outDir, string refDir, EntryFeePolicies? policies = null, TextWriter? diagnostics = null)
    {
        var sysoutDir = Path.Combine(outDir, "sysout");
        Directory.CreateDirectory(sysoutDir);
        using var sysout = new StreamWriter(Path.Combine(sysoutDir, Step + "." + ProgramName), append: false, Encoding.Latin1) { NewLine = "\n" };
        return Run(Clv200Files.ForCycle(outDir, refDir), sysout, policies, diagnostics);
    }

    /// <summary>
    /// Runs CLV200 over <paramref name="files"/>, writing its messages to <paramref name="sysout"/> exactly as the
    /// legacy does (so the sysout file compares byte for byte). What the legacy cannot say (the record number,
    /// field and raw bytes of bad LINECALC data) goes to <paramref name="diagnostics"/> (default: standard error).
    /// Returns the RC.
    /// </summary>
    public static int Run(Clv200Files files, TextWriter sysout, EntryFeePolicies? policies = null, TextWriter? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sysout);
        var run = new Clv200Run(files, sysout, policies ?? EntryFeePolicies.Legacy);
        return LegacyProgram.Run(ProgramName, run, sysout, diagnostics ?? Console.Error);
    }
}

internal sealed class Clv200Run : ILegacyProgramRun
{
    private readonly Clv200Files _files;
    private readonly TextWriter _sysout;
    private readonly EntryFeePolicies _policies;
    private readonly byte[] _record = new byte[Clv200LineInput.RecordLength];
    private RecordReader? _linecalcReader;
    private RecordWriter? _ctltotsWriter;
    private readonly byte[] _prevKey = new byte[Clv200LineInput.KeyLength];
    private readonly byte[] _curEntry = new byte[11];
    private readonly byte[] _entryHeader = new byte[Clv200LineInput.HeaderLength];   // WS-CURRENT-ENTRY's data: the first line's bytes

    private Stream? _linecalc, _ctltots;   // not owned when they come from Clv200Files.LinecalcSource / CtltotsSink
    private FileStream? _fees, _spi, _hmf, _entcalcStream;
    private readonly List<(string Fd, string Dd)> _open = [];

    /// <summary>The files opened so far (FD name, DD name), in opening order.</summary>
    public IReadOnlyList<(string Fd, string Dd)> OpenedFiles => _open;
    private EntcalcWriter? _entcalc;
    private int _rc;
    private int _runDate;
    private bool _eof, _stop;
    private long _linecalcRead;
    private EntryFeeCalculator? _calculator;

    public Clv200Run(Clv200Files files, TextWriter sysout, EntryFeePolicies policies)
    {
        _files = files;
        _sysout = sysout;
        _policies = policies;
    }

    public int Execute()
    {
        // 1000-INITIALIZE
        Display("CLV2000I CLV200 ENTRY FEES AND TOTALS STARTED");
        ReadControlCard();
        OpenFiles();
        var tables = new Clv200Tables();
        if (_rc < 8)
        {
            if (!tables.LoadFees(ReadTable(_fees!, 80, "FEETAB"), _sysout)) TableError();
            if (!tables.LoadSpi(ReadTable(_spi!, 50, "SPITAB"), _sysout)) TableError();
            if (!tables.LoadHmfPorts(ReadTable(_hmf!, 40, "HMFPORT"), _sysout)) TableError();
        }
        _calculator = new EntryFeeCalculator(new EntryFeeReference(new FeeSchedule(tables.Fees), tables.Spi, tables.HmfPorts), _policies);
        if (_rc < 8) ProcessLinecalc();
        Terminate();
        return _rc;
    }

    private void Display(string text) => _sysout.Write(text + "\n");

    private void SetRc(int rc)
    {
        if (rc > _rc) _rc = rc;
    }

    private void ReadControlCard()
    {
        if (ControlCard.Read(_files.Sysin, Clv200Step.ProgramName, Display) is { } date) _runDate = date;
        else SetRc(8);
    }

    private void OpenFiles()
    {
        _linecalc = _files.LinecalcSource ?? OpenInput(_files.Linecalc, "LINECALC");
        _linecalcReader = RecordReader.Create(_linecalc, new RecordReaderOptions
        {
            Format = RecordFormat.Fixed, RecordLength = Clv200LineInput.RecordLength, FileName = _files.Linecalc, LeaveOpen = true,
        });
        _open.Add(("LINECALC-FILE", "LINECALC"));
        _fees = OpenInput(_files.FeeTable, "FEETAB");
        _open.Add(("FEE-FILE", "FEETAB"));
        _spi = OpenInput(_files.SpiTable, "SPITAB");
        _open.Add(("SPI-FILE", "SPITAB"));
        _hmf = OpenInput(_files.HmfPortTable, "HMFPORT");
        _open.Add(("HMFPORT-FILE", "HMFPORT"));
        _entcalcStream = Open(_files.Entcalc, FileMode.Create, FileAccess.Write, "ENTCALC");
        _entcalc = EntcalcWriter.Create(_entcalcStream, leaveOpen: true);   // the record writer buffers
        _open.Add(("ENTCALC-FILE", "ENTCALC"));
        _ctltots = _files.CtltotsSink ?? Open(_files.Ctltots, FileMode.Append, FileAccess.Write, "CTLTOTS");
        _ctltotsWriter = RecordWriter.Create(_ctltots, new RecordWriterOptions { Format = RecordFormat.LineSequential, LeaveOpen = true });
        _open.Add(("CTLTOT-FILE", "CTLTOTS"));
    }

    private static FileStream OpenInput(string path, string dd) => Open(path, FileMode.Open, FileAccess.Read, dd);

    private static FileStream Open(string path, FileMode mode, FileAccess access, string dd) => LegacyAbend.Open(path, mode, access, dd);

    private static List<byte[]> ReadTable(FileStream stream, int recordLength, string dd)
    {
        try
        {
            return LineSequential.ReadRecords(stream, recordLength, dd);
        }
        catch (IOException)
        {
            throw new LegacyAbend(dd, "READ", "30");
        }
    }

    private void TableError()
    {
        // 1900-END-TABLE-LOAD
        Display("CLV2901E REFERENCE DATA ERROR - RUN STOPPED");
        SetRc(8);
    }

    // 2000-PROCESS-LINECALC
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    private void ProcessLinecalc()
    {
        var calc = _calculator!;
        ReadLinecalc();
        while (!_eof && !_stop)
        {
            StartEntry(calc);
            while (!_eof && !_stop && _record.AsSpan(0, 11).SequenceEqual(_curEntry))
            {
                AccumulateLine(calc);
                ReadLinecalc();
            }
            if (!_stop) CompleteEntry(calc);
        }
    }

    // 2100-READ-LINECALC
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    private void ReadLinecalc()
    {
        RecordReadStatus status;
        ReadOnlyMemory<byte> record;
        try
        {
            status = _linecalcReader!.Read(out record);
        }
        catch (IOException)
        {
            throw new LegacyAbend("LINECALC", "READ", "30");
        }
        if (status == RecordReadStatus.EndOfFile)
        {
            _eof = true;
            return;
        }
        if (status == RecordReadStatus.Truncated)
        {
            // GnuCOBOL: file status 04 (record length does not match) -> 9900-IO-ERROR
            throw new LegacyAbend("LINECALC", "READ", "04",
                $"LINECALC RECORD {_linecalcRead + 1} AT OFFSET {_linecalcReader.Position - record.Length} IS {record.Length} BYTES, NOT {Clv200LineInput.RecordLength}");
        }
        record.Span.CopyTo(_record);
        _linecalcRead = Clv200Counter(_linecalcRead);
        var key = Clv200LineInput.Key(_record);
        if (key.SequenceCompareTo(_prevKey) <= 0)
        {
            Display("CLV2101E LINECALC OUT OF SEQUENCE AT " + Clv200LineInput.EntryNumber(_record) + " " + Clv200LineInput.LineNumberText(_record));
            _stop = true;
            SetRc(8);
        }
        else
        {
            key.CopyTo(_prevKey);
        }
    }

    private static long Clv200Counter(long value) => (value + 1) % 10_000_000;

    // 2200-START-ENTRY
    private void StartEntry(EntryFeeCalculator calc)
    {
        _record.AsSpan(0, Clv200LineInput.HeaderLength).CopyTo(_entryHeader);
        _record.AsSpan(0, 11).CopyTo(_curEntry);
        calc.StartEntry(Clv200LineInput.Header(_record));
    }

    private static readonly EntryFeeLine NotAssessable = new() { IsAssessable = false };

    // 2300-ACCUMULATE-LINE
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    private void AccumulateLine(EntryFeeCalculator calc)
    {
        if (!Clv200LineInput.IsAssessable(_record))
        {
            calc.AddLine(NotAssessable);
            return;
        }
        EntryFeeLine line;
        try
        {
            line = Clv200LineInput.Line(_record);
        }
        catch (CobolDataException e)
        {
            throw new LegacyAbend("LINECALC", "READ", "34",
                $"LINECALC RECORD {_linecalcRead} ENTRY {Clv200LineInput.EntryNumber(_record)} LINE {Clv200LineInput.LineNumberText(_record)}: "
                + $"{e.FieldName} AT OFFSET {e.Offset}: {e.Reason} (RAW {e.RawHex})");
        }
        calc.AddLine(line);
    }

    private string CurrentEntryNumber => LegacyNumeric.Text(_entryHeader.AsSpan(0, 11));

    // 2400-COMPLETE-ENTRY
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot loop of a batch run: no tier-0 phase
    private void CompleteEntry(EntryFeeCalculator calc)
    {
        var result = calc.CompleteEntryInPlace();
        switch (result.Status)
        {
            case EntryFeeStatus.NoAssessedLines:
                Display("CLV2401W ENTRY " + CurrentEntryNumber + " HAS NO ASSESSED LINES - NOT WRITTEN");
                return;
            case EntryFeeStatus.NoFeeSchedule:
                Display("CLV2411E NO FEE SCHEDULE " + result.MissingFeeClass + " FOR ENTRY DATE " + LegacyNumeric.Text(_entryHeader.AsSpan(LinecalcLayout.EntryDate, 8))
                        + " ENTRY " + CurrentEntryNumber);
                _stop = true;
                SetRc(8);
                return;
        }
        // the display numeric header fields move into PIC 9 fields of the E record: they must hold digits
        CheckHeaderDigits(LinecalcLayout.PortCode, 4, "LC-PORT-CODE");
        CheckHeaderDigits(LinecalcLayout.EntryDate, 8, "LC-ENTRY-DATE");
        CheckHeaderDigits(LinecalcLayout.TransportMode, 2, "LC-TRANSPORT-MODE");
        CheckHeaderDigits(LinecalcLayout.PaymentType, 1, "LC-PAYMENT-TYPE");
        CheckHeaderDigits(LinecalcLayout.StatementDate, 8, "LC-STMT-DATE");
        try
        {
            _entcalc!.WriteEntryTotal(_entryHeader, result);
            var entryNo = _entryHeader.AsSpan(0, 11);
            foreach (var a in result.AllocationsSpan) _entcalc.WriteMpfAllocation(entryNo, a);
        }
        catch (IOException)
        {
            throw new LegacyAbend("ENTCALC", "WRITE", "30");
        }
    }

    private void CheckHeaderDigits(int offset, int length, string field)
    {
        if (LegacyNumeric.TryDigits(_entryHeader.AsSpan(offset, length), out _)) return;
        throw new LegacyAbend("LINECALC", "READ", "34",
            $"LINECALC RECORD {_linecalcRead} ENTRY {CurrentEntryNumber}: {field} NOT NUMERIC (RAW {Convert.ToHexString(_entryHeader, offset, length)})");
    }

    // 9000-TERMINATE
    private void Terminate()
    {
        if (_runDate > 0) WriteControlTotals();
        CloseAll();
        var t = _calculator!.Totals;
        Display("CLV9001I LINECALC RECORDS READ " + Edit(_linecalcRead));
        Display("CLV9002I ENTRIES WRITTEN       " + Edit(t.EntriesWritten));
        Display("CLV9003I ENTRIES NOT WRITTEN   " + Edit(t.EntriesSkipped));
        Display("CLV9004I MPF ALLOCATIONS       " + Edit(t.AllocationsWritten));
        Display("CLV9009I CLV200 ENDED, RETURN CODE " + _rc.ToString("D4", CultureInfo.InvariantCulture));
    }

    /// <summary>MOVE count TO WS-DISPLAY-COUNT (PIC ZZZ,ZZ9): six digits (high order truncated), zero suppressed.</summary>
    internal static string Edit(long count) => LegacyNumeric.EditCount(count);

    // 9100-WRITE-CONTROL-TOTALS
    private void WriteControlTotals()
    {
        var t = _calculator!.Totals;
        var seq = 0;
        void Line(string description, long count, long amount)
        {
            seq = (seq + 1) % 100;
            var record = new byte[ControlTotalRecord.RecordLength];
            ControlTotalRecord.Build(record, Clv200Step.ProgramName, _runDate, seq, description, Math.Abs(count) % 1_000_000_000, amount);
            try
            {
                _ctltotsWriter!.Write(record);
            }
            catch (IOException)
            {
                throw new LegacyAbend("CTLTOTS", "WRITE", "30");
            }
        }
        foreach (var (description, count, amount) in ControlTotalLines(_linecalcRead, t)) Line(description, count, amount);
    }

    /// <summary>The CTLTOTS lines of CLV200 (description, count, amount in cents) from its run totals, in order.</summary>
    internal static IEnumerable<(string Description, long Count, long AmountCents)> ControlTotalLines(long linecalcRead, EntryFeeRunTotals t)
    {
        yield return ("LINECALC RECORDS READ", linecalcRead, 0);
        yield return ("LINES ASSESSED - USD VALUE", t.LinesAssessed, t.UsdValueCents);
        yield return ("LINES REJECTED BY CLV100", t.LinesRejected, 0);
        yield return ("ENTRIES WRITTEN - ASSESSED", t.EntriesWritten, t.AssessedCents);
        yield return ("ENTRIES WITH NO ASSESSED LINES", t.EntriesSkipped, 0);
        yield return ("MPF 499", t.MpfEntries, t.MpfCents);
        yield return ("MPF MINIMUM APPLIED", t.MpfMinimumCount, 0);
        yield return ("MPF MAXIMUM APPLIED", t.MpfMaximumCount, 0);
        yield return ("INFORMAL ENTRY FEE 311", t.InformalCount, t.InformalCents);
        yield return ("MANUAL SURCHARGE 500", t.ManualCount, t.ManualCents);
        yield return ("HMF 501", t.HmfCount, t.HmfCents);
        yield return ("HMF NOT CHARGED (3.00 OR LESS)", t.HmfWaivedCount, 0);
        yield return ("COTTON FEE 056", t.CottonCount, t.CottonCents);
        yield return ("MPF ALLOCATION RECORDS", t.AllocationsWritten, t.AllocatedCents);
    }

    public void CloseAll()
    {
        _open.Clear();
        _ctltotsWriter?.Dispose();
        _ctltotsWriter = null;
        _linecalcReader?.Dispose();
        _linecalcReader = null;
        _entcalc?.Dispose();
        _entcalc = null;
        if (_files.LinecalcSource is null) _linecalc?.Dispose();
        if (_files.CtltotsSink is null) _ctltots?.Dispose();
        foreach (var s in new Stream?[] { _fees, _spi, _hmf, _entcalcStream }) s?.Dispose();
        _linecalc = _ctltots = null;
        _fees = _spi = _hmf = _entcalcStream = null;
    }
}
