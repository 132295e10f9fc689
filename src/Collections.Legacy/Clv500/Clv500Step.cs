using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;
using Collections.Cobol.Records;
using Collections.Domain.Reporting;
using Collections.Legacy.Clv200;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Printing;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv500;

/// <summary>The data sets of STEP050 (the DD statements of run-cycle.sh for CLV500).</summary>
/// <param name="Sysin">control card (stdin of the step: OUTDIR/SYSIN)</param>
/// <param name="Entcalc">DD ENTCALC (RECFM=V entry totals)</param>
/// <param name="Stmtout">DD STMTOUT (RECFM=F 200 receivables)</param>
/// <param name="Ledger">DD LEDGER (RECFM=F 80 postings)</param>
/// <param name="Suspense">DD SUSPENSE (line sequential 111)</param>
/// <param name="NewMaster">DD NEWMAST (RECFM=F 150 open item master: OUTDIR/OPENITEM)</param>
/// <param name="Rejects">DD REJECTS (line sequential 100)</param>
/// <param name="Ctltots">DD CTLTOTS (OPTIONAL, line sequential 80)</param>
/// <param name="Report">DD RPTOUT (line sequential 133: OUTDIR/CLV500.RPT)</param>
public sealed record Clv500Files(string Sysin, string Entcalc, string Stmtout, string Ledger, string Suspense, string NewMaster,
    string Rejects, string Ctltots, string Report)
{
    /// <summary>The files of a cycle: OUTDIR data sets, as run-cycle.sh assigns them.</summary>
    public static Clv500Files ForCycle(string outDir) => new(
        Path.Combine(outDir, "SYSIN"),
        Path.Combine(outDir, "ENTCALC"),
        Path.Combine(outDir, "STMTOUT"),
        Path.Combine(outDir, "LEDGER"),
        Path.Combine(outDir, "SUSPENSE"),
        Path.Combine(outDir, "OPENITEM"),
        Path.Combine(outDir, "REJECTS"),
        Path.Combine(outDir, "CTLTOTS"),
        Path.Combine(outDir, "CLV500.RPT"));
}

/// <summary>
/// STEP050 (program CLV500): the daily revenue and control report CLV500.RPT. Reads the cycle's data sets one after
/// the other (ENTCALC, STMTOUT, LEDGER, SUSPENSE, NEWMAST, REJECTS, CTLTOTS), feeds the domain's accumulators
/// (<see cref="DailyRevenueReport"/>) and prints each section as the legacy does (<see cref="Clv500Layout"/> on an
/// <see cref="AsaPrintFile"/>): 133-byte lines with ASA control, 50 lines per page, line sequential. Writes the
/// program's messages and returns its RC: 0, 4 (CTLTOTS missing), 8 (control card error: no report), 16 (a file
/// cannot be opened or read; what was printed so far stays). Discovered by the cycle as STEP050.
/// </summary>
public sealed class Clv500Step : ILegacyStep
{
    public const string Step = "STEP050";
    public const string ProgramName = "CLV500";

    public string StepName => Step;

    public string Program => ProgramName;

    public int Run(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var sysout = LegacyProgram.OpenSysout(context, this);
        return Run(Clv500Files.ForCycle(context.OutDir), sysout, context.Diagnostics);
    }

    /// <summary>
    /// Runs CLV500 over <paramref name="files"/>, its messages to <paramref name="sysout"/> exactly as the legacy
    /// writes them; what the legacy cannot say (file, record number, field, raw bytes of bad data) goes to
    /// <paramref name="diagnostics"/> (default: standard error). Returns the RC.
    /// </summary>
    public static int Run(Clv500Files files, TextWriter sysout, TextWriter? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sysout);
        var run = new Clv500Run(files, sysout, diagnostics ?? Console.Error);
        return LegacyProgram.Run(ProgramName, run, sysout, diagnostics ?? Console.Error);
    }
}

internal sealed class Clv500Run : ILegacyProgramRun
{
    private readonly Clv500Files _files;
    private readonly TextWriter _sysout;
    private readonly TextWriter _diagnostics;
    private readonly DailyRevenueReport _report = new();
    private readonly List<(string Fd, string Dd)> _open = [];
    private Clv500Input? _entcalc, _stmtout, _ledger, _suspense, _master, _rejects, _ctltots;
    private FileStream? _reportStream;
    private RecordWriter? _reportWriter;
    private AsaPrintFile? _print;
    private int _rc;
    private string _runDate = "";
    private long _ledgerRead;

    public Clv500Run(Clv500Files files, TextWriter sysout, TextWriter diagnostics)
    {
        _files = files;
        _sysout = sysout;
        _diagnostics = diagnostics;
    }

    /// <summary>The files opened (FD name, DD name), in opening order: libcob's implicit CLOSE list.</summary>
    public IReadOnlyList<(string Fd, string Dd)> OpenedFiles => _open;

    public int Execute()
    {
        // 1000-INITIALIZE
        Display("CLV5000I CLV500 DAILY REVENUE REPORT STARTED");
        ReadControlCard();
        OpenFiles();
        if (_rc < 8)
        {
            RevenueSections();
            ReceivablesSection();
            CollectionsSection();
            OpenItemSection();
            RejectsSection();
            ControlTotalsSection();
            _print!.EndSection();
            _print.Print(AsaControl.Triple, Clv500Layout.EndLine);
        }
        Terminate();
        return _rc;
    }

    private void Display(string text) => _sysout.Write(text + "\n");

    private void SetRc(int rc)
    {
        if (rc > _rc) _rc = rc;
    }

    // 1100-READ-CONTROL-CARD
    private void ReadControlCard()
    {
        var card = ControlCard.Accept(_files.Sysin);
        if (ControlCard.RunDateInRange(card) is { } date)
        {
            var d = date.ToString("D8", CultureInfo.InvariantCulture);
            _runDate = d[..4] + "-" + d[4..6] + "-" + d[6..];
            Display("CLV5001I RUN DATE " + d);
        }
        else
        {
            Display("CLV5002E INVALID CONTROL CARD: " + Encoding.Latin1.GetString(card));
            SetRc(8);
        }
    }

    // 1200-OPEN-FILES
    private void OpenFiles()
    {
        _entcalc = OpenInput(_files.Entcalc, "ENTCALC", "ENTCALC-FILE", RecordFormat.GnuCobolVariable, 0);
        _stmtout = OpenInput(_files.Stmtout, "STMTOUT", "STMTOUT-FILE", RecordFormat.Fixed, StatementHeaderLayout.RecordLength);
        _ledger = OpenInput(_files.Ledger, "LEDGER", "LEDGER-FILE", RecordFormat.Fixed, LedgerLayout.RecordLength);
        _suspense = OpenInput(_files.Suspense, "SUSPENSE", "SUSPENSE-FILE", RecordFormat.LineSequential, SuspenseLayout.RecordLength);
        _master = OpenInput(_files.NewMaster, "NEWMAST", "MASTER-FILE", RecordFormat.Fixed, OpenItemLayout.RecordLength);
        _rejects = OpenInput(_files.Rejects, "REJECTS", "REJECT-FILE", RecordFormat.LineSequential, RejectRecord.RecordLength);
        _ctltots = Clv500Input.Open(_files.Ctltots, "CTLTOTS", "CTLTOT-FILE", RecordFormat.LineSequential, ControlTotalRecord.RecordLength, optional: true);
        if (_ctltots is null)
        {
            Display("CLV5003W CTLTOTS NOT FOUND - CONTROL TOTALS NOT REPORTED");
            SetRc(4);
            _report.ControlTotals.MarkUnavailable();
        }
        else _open.Add(("CTLTOT-FILE", "CTLTOTS"));
        _reportStream = LegacyAbend.Open(_files.Report, FileMode.Create, FileAccess.Write, "RPTOUT");
        _reportWriter = RecordWriter.Create(_reportStream, new RecordWriterOptions { Format = RecordFormat.LineSequential, LeaveOpen = true });
        _open.Add(("REPORT-FILE", "RPTOUT"));
        _print = new AsaPrintFile(WriteReportRecord, page => Clv500Layout.PageHeading(_runDate, page));
    }

    private Clv500Input OpenInput(string path, string dd, string fd, RecordFormat format, int length)
    {
        var input = Clv500Input.Open(path, dd, fd, format, length)!;
        _open.Add((fd, dd));
        return input;
    }

    // 8250-WRITE-REPORT-RECORD: libcob hands each line sequential record to the system at once, so a full device
    // fails the WRITE of the record that does not fit (status 34), not a later one
    private void WriteReportRecord(ReadOnlySpan<byte> record)
    {
        try
        {
            _reportWriter!.Write(record);
            _reportWriter.Flush();
        }
        catch (IOException e)
        {
            throw LegacyAbend.WriteFailed("RPTOUT", e);
        }
    }

    private void Diagnose(Clv500Input file, string message) =>
        _diagnostics.WriteLine($"CLV500 {file.DdName} RECORD {file.RecordNumber.ToString(CultureInfo.InvariantCulture)}: {message}");

    // 2000-REVENUE-SECTIONS: sections 1 and 2 from ENTCALC
    private void RevenueSections()
    {
        while (_entcalc!.Read(out var record))
        {
            if (record.IsEmpty || record[0] != EntcalcLayout.EntryTotalType) continue;   // IF ECT-ENTRY-TOTAL
            var entry = Clv500Records.EntryRevenue(record, _entcalc, this);
            if (_report.AddEntry(entry) == PortTally.CountedWithLastPort)
                Display("CLV2301W PORT TABLE FULL - PORT " + entry.PortCode + " COUNTED WITH LAST PORT");
        }
        var print = _print!;
        // 2500: section 1
        print.StartSection(Clv500Layout.RevenueTitle, Clv500Layout.RevenueColumns);
        var revenue = _report.RevenueByClass;
        PrintLinesRuleAndTotal(revenue.Classes.Select(Clv500Layout.RevenueDetail),
            Clv500Layout.RevenueTotal(revenue.EntriesReported, revenue.TotalAssessedCents));
        // 2600: section 2
        print.StartSection(Clv500Layout.PortTitle, Clv500Layout.PortColumns);
        PrintLinesRuleAndTotal(_report.Ports.Ports.Select(Clv500Layout.PortDetail), Clv500Layout.PortDetail(_report.Ports.AllPorts));
    }

    /// <summary>Detail lines, the rule line and the total line of a section, single spaced.</summary>
    private void PrintLinesRuleAndTotal(IEnumerable<string> details, string total)
    {
        foreach (var line in details) _print!.Print(AsaControl.Single, line);
        _print!.Print(AsaControl.Single, Clv500Layout.Rule);
        _print.Print(AsaControl.Single, total);
    }

    /// <summary>Reports bad data the legacy reads anyway (for the diagnostics).</summary>
    internal void Damaged(Clv500Input file, string message) => Diagnose(file, message);

    // 3000-RECEIVABLES-SECTION: section 3 from STMTOUT
    private void ReceivablesSection()
    {
        var receivables = _report.Receivables;
        while (_stmtout!.Read(out var record))
        {
            var r = Clv500Records.Receivable(record, _stmtout, this);
            receivables.Add(r.StatementType, r.EntryCount, r.TotalCents);
        }
        var print = _print!;
        print.StartSection(Clv500Layout.ReceivablesTitle, Clv500Layout.ReceivablesColumns);
        PrintLinesRuleAndTotal(receivables.PaymentTypes.Select(Clv500Layout.ReceivablesDetail), Clv500Layout.ReceivablesDetail(receivables.Total));
    }

    // 4000-COLLECTIONS-SECTION: section 4 from LEDGER and SUSPENSE
    private void CollectionsSection()
    {
        var activity = _report.Collections;
        while (_ledger!.Read(out var record))
        {
            _ledgerRead = (_ledgerRead + 1) % 10_000_000;
            Clv500Records.AddPosting(activity, record, _ledger, this);
        }
        var print = _print!;
        print.StartSection(Clv500Layout.CollectionsTitle, Clv500Layout.CollectionsColumns);
        print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(activity.Assessments));
        foreach (var m in activity.PaymentsByMethod) print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(m));
        print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(activity.PaymentsApplied));
        print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(activity.LateInterest));
        print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(activity.BillInterest));
        print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(activity.Refunds));
        // 4200: suspense items listed, then totalled
        while (_suspense!.Read(out var record))
        {
            var item = Clv500Records.SuspenseItem(record, _suspense, this);
            activity.AddSuspense(item);
            print.Print(AsaControl.Single, Clv500Layout.SuspenseDetail(item));
        }
        print.Print(AsaControl.Single, Clv500Layout.ActivityDetail(activity.Suspense));
    }

    // 5000-OPEN-ITEM-SECTION: section 5 from the new master
    private void OpenItemSection()
    {
        var items = _report.OpenItems;
        while (_master!.Read(out var record))
        {
            Clv500Records.AddOpenItem(items, record, _master, this);
        }
        var print = _print!;
        print.StartSection(Clv500Layout.OpenItemsTitle, Clv500Layout.OpenItemsColumns);
        PrintLinesRuleAndTotal(items.ByStatus.Select(Clv500Layout.ActivityDetail), Clv500Layout.ActivityDetail(items.Total));
    }

    // 6000-REJECTS-SECTION: section 6 from the reject listing
    private void RejectsSection()
    {
        var rejects = _report.Rejects;
        while (_rejects!.Read(out var record))
        {
            rejects.Add(Clv500Records.Text(record, RejectRecord.ReasonCode, 4), (char)record[RejectRecord.Severity],
                Clv500Records.Text(record, RejectRecord.Message, 60));
        }
        var print = _print!;
        print.StartSection(Clv500Layout.RejectsTitle, Clv500Layout.RejectsColumns);
        if (rejects.Reasons.Count == 0) print.Print(AsaControl.Single, Clv500Layout.Message("NO REJECTS OR WARNINGS"));
        foreach (var r in rejects.Reasons) print.Print(AsaControl.Single, Clv500Layout.RejectsDetail(r));
    }

    // 7000-CONTROL-TOTALS-SECTION: section 7 from CTLTOTS
    private void ControlTotalsSection()
    {
        var print = _print!;
        print.StartSection(Clv500Layout.ControlTotalsTitle, Clv500Layout.ControlTotalsColumns);
        if (_ctltots is null)
        {
            print.Print(AsaControl.Single, Clv500Layout.Message("CONTROL TOTALS FILE NOT AVAILABLE"));
            return;
        }
        while (_ctltots.Read(out var record))
        {
            var line = Clv500Records.ControlTotal(record, _ctltots, this);
            var startsStep = _report.ControlTotals.Add(line);
            print.Print(startsStep ? AsaControl.Double : AsaControl.Single, Clv500Layout.ControlTotalsDetail(line));
        }
    }

    // 9000-TERMINATE
    private void Terminate()
    {
        CloseAll();
        Display("CLV9001I ENTRIES REPORTED      " + Clv500Layout.Count6.Format(_report.RevenueByClass.EntriesReported, 0));
        Display("CLV9002I LEDGER POSTINGS READ  " + Clv500Layout.Count6.Format(_ledgerRead, 0));
        Display("CLV9003I REPORT PAGES          " + Clv500Layout.Count6.Format(_print?.PageNumber ?? 0, 0));
        Display("CLV9004I REPORT LINES          " + Clv500Layout.Count6.Format(_print?.LinesPrinted ?? 0, 0));
        Display("CLV9009I CLV500 ENDED, RETURN CODE " + _rc.ToString("D4", CultureInfo.InvariantCulture));
    }

    public void CloseAll()
    {
        _open.Clear();
        try
        {
            _reportWriter?.Dispose();
            _reportStream?.Dispose();   // a record refused by the device (status 34) is still in the stream's buffer
        }
        catch (IOException e)
        {
            _diagnostics.WriteLine("CLV500 RPTOUT CLOSE: " + e.Message);
        }
        _reportWriter = null;
        _reportStream = null;
        foreach (var f in new[] { _entcalc, _stmtout, _ledger, _suspense, _master, _rejects, _ctltots }) f?.Dispose();
        _entcalc = _stmtout = _ledger = _suspense = _master = _rejects = _ctltots = null;
    }
}
