using System.Globalization;
using System.Text;
using Collections.Cobol.Records;
using Collections.Domain.OpenItems;
using Collections.Legacy.Clv200;
using Collections.Legacy.Pipeline;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv400;

/// <summary>The data sets of STEP040 (the DD statements of run-cycle.sh for CLV400).</summary>
/// <param name="Sysin">control card (stdin of the step: OUTDIR/SYSIN)</param>
/// <param name="OldMaster">DD OLDMAST: the prior cycle's OPENITEM, or a path that does not exist on the first day (OPTIONAL)</param>
/// <param name="Stmtout">DD STMTOUT (RECFM=F 200, written by STEP030)</param>
/// <param name="Payments">DD PAYMENTS (RECFM=F 50, OPTIONAL)</param>
/// <param name="InterestRates">DD INTRATE (ref INTRATE.DAT)</param>
/// <param name="NewMaster">DD NEWMAST (OUTDIR/OPENITEM)</param>
/// <param name="Ledger">DD LEDGER</param>
/// <param name="Suspense">DD SUSPENSE</param>
/// <param name="Ctltots">DD CTLTOTS (OPTIONAL, opened EXTEND)</param>
public sealed record Clv400Files(
    string Sysin, string OldMaster, string Stmtout, string Payments, string InterestRates, string NewMaster, string Ledger, string Suspense, string Ctltots)
{
    /// <summary>
    /// The files of a cycle as run-cycle.sh assigns them: OLDMAST is PRIOR_OUTDIR/OPENITEM, or on the first day
    /// OUTDIR/sysout/NO.PRIOR.MASTER, which does not exist.
    /// </summary>
    public static Clv400Files ForCycle(string inDir, string outDir, string refDir, string? priorOutDir) => new(
        Path.Combine(outDir, "SYSIN"),
        priorOutDir is null ? Path.Combine(outDir, "sysout", "NO.PRIOR.MASTER") : Path.Combine(priorOutDir, "OPENITEM"),
        Path.Combine(outDir, "STMTOUT"),
        Path.Combine(inDir, "PAYMENTS"),
        Path.Combine(refDir, "INTRATE.DAT"),
        Path.Combine(outDir, "OPENITEM"),
        Path.Combine(outDir, "LEDGER"),
        Path.Combine(outDir, "SUSPENSE"),
        Path.Combine(outDir, "CTLTOTS"));
}

/// <summary>
/// STEP040 (program CLV400): the open item master update. Edits the payments (invalid ones to SUSPENSE), sorts the
/// valid ones by reference, then matches the old master, today's receivables (STMTOUT) and the payments on the
/// reference and updates each reference (<see cref="OpenItemUpdate"/>): NEWMAST (OUTDIR/OPENITEM), LEDGER,
/// SUSPENSE, its CTLTOTS lines, its messages and return code (0, 4 suspense or dropped item, 8 control card,
/// interest table, sequence error or missing rate, 16 file error), byte for byte as the legacy. The old master and
/// STMTOUT are streamed; the payments are held by the sort. Discovered by the cycle as STEP040.
/// </summary>
public sealed class Clv400Step : ILegacyStep
{
    public const string Step = "STEP040";
    public const string ProgramName = "CLV400";

    public string StepName => Step;

    public string Program => ProgramName;

    /// <summary>Policies of the update (default: the legacy's).</summary>
    public OpenItemPolicies Policies { get; init; } = OpenItemPolicies.Legacy;

    public int Run(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var sysoutPath = string.IsNullOrEmpty(context.SysoutPath) ? context.SysoutPathOf(this) : context.SysoutPath;
        Directory.CreateDirectory(Path.GetDirectoryName(sysoutPath)!);
        using var sysout = new StreamWriter(sysoutPath, append: false, Encoding.Latin1) { NewLine = "\n" };
        return Run(Clv400Files.ForCycle(context.InDir, context.OutDir, context.RefDir, context.PriorOutDir), sysout, Policies, context.Diagnostics);
    }

    /// <summary>
    /// Runs CLV400 over <paramref name="files"/>, its messages to <paramref name="sysout"/> exactly as the legacy
    /// writes them; what the legacy cannot say (file, record number, field and raw bytes of damaged records) goes to
    /// <paramref name="diagnostics"/> (default: standard error). Returns the RC.
    /// </summary>
    public static int Run(Clv400Files files, TextWriter sysout, OpenItemPolicies? policies = null, TextWriter? diagnostics = null, IPaymentSort? sort = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(sysout);
        using var ownedSort = sort is null ? new CobolPaymentSort() : null;
        var run = new Clv400Run(files, sysout, policies ?? OpenItemPolicies.Legacy, diagnostics ?? Console.Error, sort ?? ownedSort!);
        try
        {
            return run.Execute();
        }
        catch (LegacyAbend abend)
        {
            return abend.Report(Clv400Step.ProgramName, sysout, run.OpenedFiles, diagnostics ?? Console.Error);
        }
        catch (AcceptInterrupt)
        {
            return AcceptInterrupt.Report(Clv400Step.ProgramName, sysout, diagnostics ?? Console.Error);
        }
        finally
        {
            run.CloseAll();
            sysout.Flush();
        }
    }
}

internal sealed class Clv400Run : IOpenItemSink
{
    private static readonly byte[] HighValues = Enumerable.Repeat((byte)0xFF, OpenItemLayout.RefKeyLength).ToArray();

    private readonly Clv400Files _files;
    private readonly TextWriter _sysout;
    private readonly OpenItemPolicies _policies;
    private readonly TextWriter _diagnostics;
    private readonly IPaymentSort _sort;
    private readonly List<(string Fd, string Dd)> _open = [];
    private readonly List<InterestRate> _rates = [];

    private FileStream? _oldStream, _stmtStream, _payStream, _newStream, _ledgerStream, _suspenseStream, _ctlStream;
    private RecordReader? _oldReader, _stmtReader, _payReader;
    private RecordWriter? _newWriter, _ledgerWriter, _suspenseWriter, _ctlWriter;
    private bool _oldPresent = true, _paymentsPresent = true;   // WS-OLDMAST-SW, WS-PAYMENTS-SW
    private int _rc;
    private int _runDate;
    private OpenItemUpdate? _update;

    // 3000: the match keys and the current records
    private readonly byte[] _oldKey = new byte[OpenItemLayout.RefKeyLength];
    private readonly byte[] _rcvKey = new byte[OpenItemLayout.RefKeyLength];
    private readonly byte[] _payKey = new byte[OpenItemLayout.RefKeyLength];
    private readonly byte[] _currentKey = new byte[OpenItemLayout.RefKeyLength];
    private readonly byte[] _prevOldKey = new byte[OpenItemLayout.KeyLength];                // LOW-VALUES
    private readonly byte[] _prevRcvKey = new byte[OpenItemLayout.RefKeyLength];         // LOW-VALUES
    private readonly byte[] _oldRecord = new byte[OpenItemLayout.RecordLength];              // OM-RECORD
    private readonly byte[] _payRecord = new byte[PaymentLayout.RecordLength];               // PAYMENT-RECORD (zeros before the first read)
    private OpenItem? _oldItem;
    private Receivable? _receivable;
    private Payment? _payment;
    private IEnumerator<Payment>? _returned;
    private readonly Dictionary<OpenItem, byte[]> _loadedImages = new(ReferenceEqualityComparer.Instance);
    private readonly List<byte[]> _imagePool = [];   // the record images of the current reference, reused reference after reference
    private readonly byte[] _newImage = new byte[OpenItemLayout.RecordLength];
    private static readonly byte[] BlankImage = OpenItemRecord.ToNewRecord(new OpenItem());
    private readonly byte[] _ledgerRecord = new byte[LedgerLayout.RecordLength];
    private readonly byte[] _suspenseRecord = new byte[SuspenseLayout.RecordLength];

    public Clv400Run(Clv400Files files, TextWriter sysout, OpenItemPolicies policies, TextWriter diagnostics, IPaymentSort sort)
    {
        _files = files;
        _sysout = sysout;
        _policies = policies;
        _diagnostics = diagnostics;
        _sort = sort;
    }

    /// <summary>The files opened so far (FD name, DD name), in opening order.</summary>
    public IReadOnlyList<(string Fd, string Dd)> OpenedFiles => _open;

    public int Execute()
    {
        // 1000-INITIALIZE
        Display("CLV4000I CLV400 OPEN ITEM UPDATE STARTED");
        ReadControlCard();
        OpenFiles();
        if (_rc < 8) LoadInterestTable();
        if (_rc < 8)
        {
            _update = new OpenItemUpdate(_runDate, _rates, this, _policies);
            EditPayments();       // SORT ... INPUT PROCEDURE 2000-EDIT-PAYMENTS
            UpdateMaster();       // OUTPUT PROCEDURE 3000-UPDATE-MASTER
        }
        Terminate();
        return ReturnCode;
    }

    private int ReturnCode => Math.Max(_rc, _update?.ReturnCode ?? 0);

    private void Display(string text) => _sysout.Write(text + "\n");

    private void SetRc(int rc)
    {
        if (_update is not null) _update.RaiseReturnCode(rc);
        else if (rc > _rc) _rc = rc;
    }

    // 1100-READ-CONTROL-CARD
    private void ReadControlCard()
    {
        if (ControlCard.Read(_files.Sysin, Clv400Step.ProgramName, Display) is { } date) _runDate = date;
        else SetRc(8);
    }

    // 1200-OPEN-FILES
    private void OpenFiles()
    {
        _oldStream = OpenOptionalInput(_files.OldMaster, "OLDMAST");
        if (_oldStream is null)
        {
            _oldPresent = false;
            Display("CLV4004I NO OLD OPEN ITEM MASTER - STARTING FROM AN EMPTY MASTER");
        }
        else
        {
            _oldReader = FixedReader(_oldStream, OpenItemLayout.RecordLength, "OLDMAST");
            _open.Add(("OLD-MASTER-FILE", "OLDMAST"));
        }
        _stmtStream = Open(_files.Stmtout, FileMode.Open, FileAccess.Read, "STMTOUT");
        _stmtReader = FixedReader(_stmtStream, StatementHeaderLayout.RecordLength, "STMTOUT");
        _open.Add(("STMTOUT-FILE", "STMTOUT"));
        _payStream = OpenOptionalInput(_files.Payments, "PAYMENTS");
        if (_payStream is null)
        {
            _paymentsPresent = false;
            Display("CLV4005I NO PAYMENTS FILE FOR THIS RUN");
        }
        else
        {
            _payReader = FixedReader(_payStream, PaymentLayout.RecordLength, "PAYMENTS");
            _open.Add(("PAYMENT-FILE", "PAYMENTS"));
        }
        var intrate = Open(_files.InterestRates, FileMode.Open, FileAccess.Read, "INTRATE");
        _open.Add(("INTRATE-FILE", "INTRATE"));
        try
        {
            _intrateRecords = LineSequential.ReadRecords(intrate, InterestRateLayout.RecordLength, "INTRATE");
        }
        catch (IOException)
        {
            _intrateRecords = null;
        }
        finally
        {
            intrate.Dispose();
        }
        _newStream = Open(_files.NewMaster, FileMode.Create, FileAccess.Write, "NEWMAST");
        _newWriter = RecordWriter.Create(_newStream, new RecordWriterOptions { Format = RecordFormat.Fixed, RecordLength = OpenItemLayout.RecordLength, LeaveOpen = true });
        _open.Add(("NEW-MASTER-FILE", "NEWMAST"));
        _ledgerStream = Open(_files.Ledger, FileMode.Create, FileAccess.Write, "LEDGER");
        _ledgerWriter = RecordWriter.Create(_ledgerStream, new RecordWriterOptions { Format = RecordFormat.Fixed, RecordLength = LedgerLayout.RecordLength, LeaveOpen = true });
        _open.Add(("LEDGER-FILE", "LEDGER"));
        _suspenseStream = Open(_files.Suspense, FileMode.Create, FileAccess.Write, "SUSPENSE");
        _suspenseWriter = RecordWriter.Create(_suspenseStream, new RecordWriterOptions { Format = RecordFormat.LineSequential, LeaveOpen = true });
        _open.Add(("SUSPENSE-FILE", "SUSPENSE"));
        _ctlStream = Open(_files.Ctltots, FileMode.Append, FileAccess.Write, "CTLTOTS");
        _ctlWriter = RecordWriter.Create(_ctlStream, new RecordWriterOptions { Format = RecordFormat.LineSequential, LeaveOpen = true });
        _open.Add(("CTLTOT-FILE", "CTLTOTS"));
    }

    private List<byte[]>? _intrateRecords;

    private static RecordReader FixedReader(Stream stream, int length, string dd) =>
        RecordReader.Create(stream, new RecordReaderOptions { Format = RecordFormat.Fixed, RecordLength = length, FileName = dd, LeaveOpen = true });

    /// <summary>OPEN INPUT of an OPTIONAL file: null when it does not exist (file status 05).</summary>
    private static FileStream? OpenOptionalInput(string path, string dd) =>
        File.Exists(path) || Directory.Exists(path) ? Open(path, FileMode.Open, FileAccess.Read, dd) : null;

    private static FileStream Open(string path, FileMode mode, FileAccess access, string dd) => LegacyAbend.Open(path, mode, access, dd);

    // 1300-LOAD-INTEREST-TABLE
    private void LoadInterestTable()
    {
        if (_intrateRecords is null) throw new LegacyAbend("INTRATE", "READ", "30");
        if (!InterestRateTableLoader.Load(_intrateRecords, _rates, Display)) SetRc(8);
    }

    // 2000-EDIT-PAYMENTS (sort input procedure)
    private void EditPayments()
    {
        if (!_paymentsPresent) return;
        var update = _update!;
        while (ReadPayment(out var isShort))
        {
            var input = PaymentRecord.Decode(_payRecord, isShort);
            var sorted = update.EditPayment(input);
            if (sorted is not null) _sort.Release(sorted);
            else Diagnose("PAYMENTS", _payReader!.RecordNumber, PaymentDiagnosis(input, update.RunDate));
        }
    }

    /// <summary>2100-READ-PAYMENT: false at end of file; a short last record (status 04) overlays the record area's start.</summary>
    private bool ReadPayment(out bool isShort)
    {
        isShort = false;
        RecordReadStatus status;
        ReadOnlyMemory<byte> record;
        try
        {
            status = _payReader!.Read(out record);
        }
        catch (IOException)
        {
            throw new LegacyAbend("PAYMENTS", "READ", "30");
        }
        if (status == RecordReadStatus.EndOfFile) return false;
        record.Span.CopyTo(_payRecord);
        isShort = status == RecordReadStatus.Truncated;
        if (isShort)
            _diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"CLV400 PAYMENTS RECORD {_payReader.RecordNumber} IS {record.Length} BYTES, NOT 50 (FILE STATUS 04): RAW {Convert.ToHexString(record.Span)}; THE REST OF THE RECORD AREA IS THE PREVIOUS RECORD'S"));
        return true;
    }

    private static string PaymentDiagnosis(PaymentInput p, Cobol.Numerics.DisplayNumber runDate) =>
        $"SUSPENSE REASON {PaymentEdit.Reason(p, runDate)}: PAY-METHOD X'{(int)p.Method:X2}' PAY-REF-TYPE X'{(int)p.RefType:X2}' "
        + $"PAY-AMOUNT {p.Amount} PAY-DATE-RECEIVED {p.DateReceived}";

    // 3000-UPDATE-MASTER (sort output procedure)
    private void UpdateMaster()
    {
        var update = _update!;
        _returned = _sort.Return().GetEnumerator();
        ReadOldMaster();
        ReadReceivable();
        ReturnPayment();
        while (!(IsHigh(_oldKey) && IsHigh(_rcvKey) && IsHigh(_payKey)))
        {
            // 3400-SET-CURRENT-KEY
            _oldKey.CopyTo(_currentKey, 0);
            if (_rcvKey.AsSpan().SequenceCompareTo(_currentKey) < 0) _rcvKey.CopyTo(_currentKey, 0);
            if (_payKey.AsSpan().SequenceCompareTo(_currentKey) < 0) _payKey.CopyTo(_currentKey, 0);
            // 3500-PROCESS-REFERENCE
            update.StartReference();
            _loadedImages.Clear();
            var imagesUsed = 0;
            while (_oldKey.AsSpan().SequenceEqual(_currentKey))
            {
                if (imagesUsed == _imagePool.Count) _imagePool.Add(new byte[OpenItemLayout.RecordLength]);
                var image = _imagePool[imagesUsed++];
                _oldRecord.CopyTo(image, 0);
                _loadedImages[_oldItem!] = image;
                update.LoadOldItem(_oldItem!);
                ReadOldMaster();
            }
            while (_rcvKey.AsSpan().SequenceEqual(_currentKey))
            {
                update.ApplyReceivable(_receivable!);
                ReadReceivable();
            }
            while (_payKey.AsSpan().SequenceEqual(_currentKey))
            {
                update.ApplyPayment(_payment!);
                ReturnPayment();
            }
            update.FinishReference();
        }
    }

    private static bool IsHigh(byte[] key) => key.AsSpan().SequenceEqual(HighValues);

    // 3100-READ-OLD-MASTER
    private void ReadOldMaster()
    {
        if (!_oldPresent)
        {
            HighValues.CopyTo(_oldKey, 0);
            return;
        }
        RecordReadStatus status;
        ReadOnlyMemory<byte> record;
        try
        {
            status = _oldReader!.Read(out record);
        }
        catch (IOException)
        {
            throw new LegacyAbend("OLDMAST", "READ", "30");
        }
        switch (status)
        {
            case RecordReadStatus.Record:
                var update = _update!;
                update.CountOldItemRead();
                record.Span.CopyTo(_oldRecord);
                var key = OpenItemRecord.Key(_oldRecord);
                if (key.SequenceCompareTo(_prevOldKey) <= 0)
                {
                    Display("CLV4101E OLD MASTER OUT OF SEQUENCE AT " + LegacyNumeric.Text(key));
                    _diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"CLV400 OLDMAST RECORD {_oldReader.RecordNumber} KEY X'{Convert.ToHexString(key)}' NOT AFTER X'{Convert.ToHexString(_prevOldKey)}': THE REST OF THE OLD MASTER IS IGNORED"));
                    SetRc(8);
                    _oldPresent = false;
                    HighValues.CopyTo(_oldKey, 0);
                }
                else
                {
                    key.CopyTo(_prevOldKey);
                    OpenItemRecord.RefKey(_oldRecord).CopyTo(_oldKey);
                    _oldItem = OpenItemRecord.Decode(_oldRecord);
                    update.AcceptOldItem(_oldItem);
                    DiagnoseOldItem(_oldReader.RecordNumber);
                }
                break;
            case RecordReadStatus.EndOfFile:
                HighValues.CopyTo(_oldKey, 0);
                break;
            default:
                throw new LegacyAbend("OLDMAST", "READ", "04", string.Create(CultureInfo.InvariantCulture,
                    $"OLDMAST RECORD {_oldReader!.RecordNumber} IS {record.Length} BYTES, NOT 150 (FILE STATUS 04): RAW {Convert.ToHexString(record.Span)}"));
        }
    }

    // 3200-READ-RECEIVABLE
    private void ReadReceivable()
    {
        RecordReadStatus status;
        ReadOnlyMemory<byte> record;
        try
        {
            status = _stmtReader!.Read(out record);
        }
        catch (IOException)
        {
            throw new LegacyAbend("STMTOUT", "READ", "30");
        }
        switch (status)
        {
            case RecordReadStatus.Record:
                var key = record.Span[..OpenItemLayout.RefKeyLength];
                if (key.SequenceCompareTo(_prevRcvKey) <= 0)
                {
                    Display("CLV4201E STMTOUT OUT OF SEQUENCE AT " + LegacyNumeric.Text(key));
                    _diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"CLV400 STMTOUT RECORD {_stmtReader.RecordNumber} KEY X'{Convert.ToHexString(key)}' NOT AFTER X'{Convert.ToHexString(_prevRcvKey)}': THE REST OF STMTOUT IS IGNORED"));
                    SetRc(8);
                    HighValues.CopyTo(_rcvKey, 0);
                }
                else
                {
                    key.CopyTo(_prevRcvKey);
                    key.CopyTo(_rcvKey);
                    _receivable = ReceivableRecord.Decode(record.Span);
                }
                break;
            case RecordReadStatus.EndOfFile:
                HighValues.CopyTo(_rcvKey, 0);
                break;
            default:
                throw new LegacyAbend("STMTOUT", "READ", "04", string.Create(CultureInfo.InvariantCulture,
                    $"STMTOUT RECORD {_stmtReader!.RecordNumber} IS {record.Length} BYTES, NOT 200 (FILE STATUS 04)"));
        }
    }

    // 3300-RETURN-PAYMENT
    private void ReturnPayment()
    {
        if (_returned!.MoveNext())
        {
            _payment = _returned.Current;
            for (var i = 0; i < _payKey.Length; i++) _payKey[i] = (byte)_payment.RefKey[i];
        }
        else HighValues.CopyTo(_payKey, 0);
    }

    // ---- IOpenItemSink ----

    public void Post(LedgerPosting posting)
    {
        LedgerRecord.Encode(posting, _ledgerRecord);
        Write(_ledgerWriter!, _ledgerRecord, "LEDGER");
    }

    public void Suspend(SuspenseItem item)
    {
        SuspenseRecord.Encode(item, _suspenseRecord);
        Write(_suspenseWriter!, _suspenseRecord, "SUSPENSE");
    }

    public void Write(OpenItem item)
    {
        // MOVE WA-RECORD / WR-RECORD TO NM-RECORD: an item loaded from the old master keeps its record's FILLER
        if (!_loadedImages.TryGetValue(item, out var image))
        {
            BlankImage.CopyTo(_newImage, 0);   // a new item: the record of a default item (spaces in the FILLER)
            image = _newImage;
        }
        OpenItemRecord.Encode(item, image);
        Write(_newWriter!, image, "NEWMAST");
    }

    public void RateNotFound(int date) => Display("CLV8511E NO INTEREST RATE FOR " + date.ToString("D8", CultureInfo.InvariantCulture));

    public void ItemTypeInvalid(OpenItem item) =>
        Display("CLV4511W OLD MASTER ITEM TYPE INVALID, DROPPED: " + item.RefKey + item.ItemType);

    private static void Write(RecordWriter writer, ReadOnlySpan<byte> record, string dd)
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

    // ---- diagnostics of damaged input (the legacy goes on silently) ----

    private void Diagnose(string file, long recordNumber, string? text)
    {
        if (text is not null) _diagnostics.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CLV400 {file} RECORD {recordNumber}: {text}"));
    }

    private void DiagnoseOldItem(long recordNumber)
    {
        var item = _oldItem!;
        if (IsClean(item)) return;
        var problems = new List<string>();
        if (item.ItemType is not (OpenItemCodes.Receivable or OpenItemCodes.Refund)) problems.Add($"OM-ITEM-TYPE X'{(int)item.ItemType:X2}' (DROPPED)");
        if (item.Status is not ('O' or 'P' or 'B' or 'C' or 'R')) problems.Add($"OM-STATUS X'{(int)item.Status:X2}'");
        void Packed(string name, Cobol.Numerics.PackedNumber p)
        {
            if (!p.IsNumeric) problems.Add($"{name} NOT NUMERIC {p}, TAKEN AS {p.Value}");
        }
        void Digits(string name, Cobol.Numerics.DisplayNumber d)
        {
            if (!d.IsNumeric) problems.Add($"{name} NOT NUMERIC {d}");
        }
        Digits("OM-STMT-TYPE", item.StatementType);
        Digits("OM-PERIOD", item.Period);
        Digits("OM-OPEN-DATE", item.OpenDate);
        Digits("OM-STMT-DATE", item.StatementDate);
        Digits("OM-DUE-DATE", item.DueDate);
        Digits("OM-BILL-DATE", item.BillDate);
        Digits("OM-LAST-PAY-DATE", item.LastPaymentDate);
        Digits("OM-LAST-ACTIVITY-DATE", item.LastActivityDate);
        Digits("OM-ENTRY-COUNT", item.EntryCount);
        Packed("OM-AMT-ASSESSED", item.AmountAssessed);
        Packed("OM-AMT-INTEREST", item.AmountInterest);
        Packed("OM-AMT-PAID", item.AmountPaid);
        Packed("OM-AMT-REFUND", item.AmountRefund);
        Packed("OM-BALANCE", item.Balance);
        if (problems.Count > 0)
            Diagnose("OLDMAST", recordNumber, $"KEY X'{Convert.ToHexString(OpenItemRecord.Key(_oldRecord))}': " + string.Join("; ", problems));
    }

    /// <summary>True when <see cref="DiagnoseOldItem"/> has nothing to say (the common case, checked without allocating).</summary>
    private static bool IsClean(OpenItem item) =>
        item.ItemType is OpenItemCodes.Receivable or OpenItemCodes.Refund
        && item.Status is 'O' or 'P' or 'B' or 'C' or 'R'
        && item.StatementType.IsNumeric && item.Period.IsNumeric && item.OpenDate.IsNumeric && item.StatementDate.IsNumeric
        && item.DueDate.IsNumeric && item.BillDate.IsNumeric && item.LastPaymentDate.IsNumeric && item.LastActivityDate.IsNumeric
        && item.EntryCount.IsNumeric && item.AmountAssessed.IsNumeric && item.AmountInterest.IsNumeric && item.AmountPaid.IsNumeric
        && item.AmountRefund.IsNumeric && item.Balance.IsNumeric;

    // 9000-TERMINATE
    private void Terminate()
    {
        var totals = _update?.Totals ?? new OpenItemTotals();
        if (_runDate > 0) WriteControlTotals(totals);
        CloseAll();
        Display("CLV9001I OLD MASTER READ       " + LegacyNumeric.EditCount(totals.OldRead));
        Display("CLV9002I RECEIVABLES READ      " + LegacyNumeric.EditCount(totals.ReceivablesRead));
        Display("CLV9003I PAYMENTS READ         " + LegacyNumeric.EditCount(totals.PaymentsRead));
        Display("CLV9004I PAYMENTS APPLIED      " + LegacyNumeric.EditCount(totals.PaymentsApplied));
        Display("CLV9005I PAYMENTS TO SUSPENSE  " + LegacyNumeric.EditCount(totals.PaymentsToSuspense));
        Display("CLV9006I NEW MASTER WRITTEN    " + LegacyNumeric.EditCount(totals.NewWritten));
        Display("CLV9009I CLV400 ENDED, RETURN CODE " + ReturnCode.ToString("D4", CultureInfo.InvariantCulture));
    }

    // 9100-WRITE-CONTROL-TOTALS
    private void WriteControlTotals(OpenItemTotals totals)
    {
        var seq = 0;
        var record = new byte[ControlTotalRecord.RecordLength];
        foreach (var (description, count, amount) in totals.ControlTotals())
        {
            seq = (seq + 1) % 100;
            ControlTotalRecord.Build(record, Clv400Step.ProgramName, _runDate, seq, description, count, amount.Unscaled);
            Write(_ctlWriter!, record, "CTLTOTS");
        }
    }

    public void CloseAll()
    {
        _open.Clear();
        foreach (var w in new[] { _newWriter, _ledgerWriter, _suspenseWriter, _ctlWriter }) w?.Dispose();
        foreach (var r in new[] { _oldReader, _stmtReader, _payReader }) r?.Dispose();
        foreach (var s in new Stream?[] { _oldStream, _stmtStream, _payStream, _newStream, _ledgerStream, _suspenseStream, _ctlStream }) s?.Dispose();
        _newWriter = _ledgerWriter = _suspenseWriter = _ctlWriter = null;
        _oldReader = _stmtReader = _payReader = null;
        _oldStream = _stmtStream = _payStream = _newStream = _ledgerStream = _suspenseStream = _ctlStream = null;
    }
}
