using Collections.Domain.Calendar;
using Collections.Domain.EntryFees;

namespace Collections.Domain.Receivables;

/// <summary>
/// CLV300 2200-2330 for a run: assigns each entry to its receivable (single pay, daily statement, periodic monthly
/// statement per importer or per filer), with the statement and due dates in working days, the 13 category amounts,
/// and the run's control totals by payment type. Stateful only for the run totals and the once-per-run CLV8211W.
/// </summary>
public sealed class ReceivableAssigner
{
    private readonly WorkingDayCalendar _calendar;
    private readonly int _runDate;
    private readonly ReceivablePolicies _policies;
    private bool _beyondTableWarned;   // WS-HOL-RANGE-SW

    // The calendar is pure: a day's entries share a few entry dates and periods, so each (from, count) is counted once per run
    private readonly Dictionary<(int From, int Count), WorkingDayResult> _workingDays = [];

    public ReceivableAssigner(WorkingDayCalendar calendar, int runDate, ReceivablePolicies? policies = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (runDate is < 0 or > 99_999_999) throw new ArgumentOutOfRangeException(nameof(runDate), runDate, "a PIC 9(08) date");
        _calendar = calendar;
        _runDate = runDate;
        _policies = policies ?? ReceivablePolicies.Legacy;
    }

    /// <summary>The run's totals so far.</summary>
    public ReceivableRunTotals Totals { get; } = new();

    /// <summary>
    /// True when <see cref="Assign"/> can assign the entry: a periodic monthly entry (type 6 or 7) needs an entry
    /// month 01-12 (<see cref="MonthlyStatementPeriod.HasTableMonth"/>).
    /// </summary>
    public static bool CanAssign(ReceivableEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.PaymentType is not (6 or 7) || MonthlyStatementPeriod.HasTableMonth(entry.EntryDate);
    }

    /// <summary>2200-BUILD-SORT-RECORD for one entry (and the counts of 2000 and 2200). See <see cref="CanAssign"/>.</summary>
    public ReceivableAssignment Assign(ReceivableEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!CanAssign(entry)) throw new ArgumentException($"entry {entry.EntryNumber}: the entry date {entry.EntryDate} has no month 01-12", nameof(entry));
        List<ReceivableWarning>? warnings = null;
        var categories = Categories(entry, ref warnings);

        ReceivableAssignment assignment;
        switch (entry.PaymentType)
        {
            case 2:
                assignment = DailyStatement(entry, categories, ref warnings);
                break;
            case 6:
            case 7:
                assignment = PeriodicMonthly(entry, categories, ref warnings);
                break;
            default:
                assignment = SinglePay(entry, categories, ref warnings);
                break;
        }
        Totals.Count(assignment.Bucket, entry.TotalAssessedCents, assignment.StatementDateAdjusted);
        return warnings is null ? assignment : assignment with { Warnings = warnings };
    }

    /// <summary>
    /// The 13 amounts: the eight duty categories as recorded (MOVE between equal pictures), then each fee added to
    /// its category by class (499 MPF, 311 informal, 500 manual, 501 HMF, 056 cotton); an unknown class is CLV2201W
    /// and its amount is on no category.
    /// </summary>
    private static CategoryAmounts Categories(ReceivableEntry entry, ref List<ReceivableWarning>? warnings)
    {
        Span<long> amounts = stackalloc long[CategoryAmounts.Count];
        entry.Duties.CopyTo(amounts);
        amounts[(int)ReceivableCategory.Mpf..].Clear();
        foreach (var fee in entry.Fees)
        {
            var category = FeeCategory(fee.FeeClass);
            if (category is null)
            {
                (warnings ??= []).Add(new UnknownFeeClass(fee.FeeClass, entry.EntryNumber));
                continue;
            }
            var i = (int)category.Value;
            amounts[i] = Clv300Fields.Add(amounts[i], fee.AmountCents, Clv300Fields.StatementAmountDigits);
        }
        return CategoryAmounts.FromCents(amounts);
    }

    /// <summary>EVALUATE ECT-FEE-CLASS: the category of a fee class, or null for a class CLV300 does not know.</summary>
    public static ReceivableCategory? FeeCategory(string feeClass) => feeClass switch
    {
        FeeClasses.Mpf => ReceivableCategory.Mpf,
        FeeClasses.InformalFee => ReceivableCategory.InformalEntryFee,
        FeeClasses.ManualSurcharge => ReceivableCategory.ManualSurcharge,
        FeeClasses.Hmf => ReceivableCategory.HarborMaintenanceFee,
        FeeClasses.Cotton => ReceivableCategory.CottonFee,
        _ => null,
    };

    /// <summary>2310: the entry is its own receivable, dated the run date, due on the 10th working day after the entry date.</summary>
    private ReceivableAssignment SinglePay(ReceivableEntry entry, CategoryAmounts categories, ref List<ReceivableWarning>? warnings)
    {
        var due = WorkingDays(entry.EntryDate, _policies.SinglePayDueWorkingDays, ref warnings);
        return new ReceivableAssignment
        {
            ReferenceType = ReferenceType.Entry,
            Reference = entry.EntryNumber.PadRight(ReceivableAssignment.ReferenceLength),
            EntryNumber = entry.EntryNumber,
            StatementType = 1,
            FilerCode = entry.FilerCode,
            ImporterNumber = entry.ImporterNumber,
            Period = 0,
            EntryDate = entry.EntryDate,
            ScheduledStatementDate = entry.ScheduledStatementDate,
            StatementDate = _runDate,
            DueDate = due,
            StatementDateAdjusted = false,
            Categories = categories,
            EntryTotalCents = entry.TotalAssessedCents,
            Bucket = PaymentTypeBucket.SinglePay,
        };
    }

    /// <summary>
    /// 2320: daily statement per filer and statement date. A scheduled date later than the 10th working day after
    /// the entry date is moved back to that day (adjusted); the statement is due on its date.
    /// </summary>
    private ReceivableAssignment DailyStatement(ReceivableEntry entry, CategoryAmounts categories, ref List<ReceivableWarning>? warnings)
    {
        var limit = WorkingDays(entry.EntryDate, _policies.DailyStatementLimitWorkingDays, ref warnings);
        var adjusted = entry.ScheduledStatementDate > limit;
        var statementDate = adjusted ? limit : entry.ScheduledStatementDate;
        return new ReceivableAssignment
        {
            ReferenceType = ReferenceType.Statement,
            Reference = StatementNumbers.Daily(statementDate, entry.FilerCode),
            EntryNumber = entry.EntryNumber,
            StatementType = 2,
            FilerCode = entry.FilerCode,
            ImporterNumber = BlankImporterNumber,
            Period = 0,
            EntryDate = entry.EntryDate,
            ScheduledStatementDate = entry.ScheduledStatementDate,
            StatementDate = statementDate,
            DueDate = statementDate,
            StatementDateAdjusted = adjusted,
            Categories = categories,
            EntryTotalCents = entry.TotalAssessedCents,
            Bucket = PaymentTypeBucket.DailyStatement,
        };
    }

    /// <summary>
    /// 2330: periodic monthly statement of the entry's period, per importer (6) or per filer (7): preliminary
    /// statement on the 11th, payment due on the 15th working day after the last day of the period's month.
    /// </summary>
    private ReceivableAssignment PeriodicMonthly(ReceivableEntry entry, CategoryAmounts categories, ref List<ReceivableWarning>? warnings)
    {
        var period = MonthlyStatementPeriod.PeriodOf(entry.EntryDate, _policies.PeriodCutOff);
        var start = MonthlyStatementPeriod.CountingStartOf(period);
        var statementDate = WorkingDays(start, _policies.PreliminaryStatementWorkingDays, ref warnings);
        var dueDate = WorkingDays(start, _policies.PeriodicPaymentDueWorkingDays, ref warnings);
        var perImporter = entry.PaymentType == 6;
        return new ReceivableAssignment
        {
            ReferenceType = ReferenceType.Statement,
            Reference = perImporter ? StatementNumbers.PmsImporter(period, entry.ImporterNumber) : StatementNumbers.PmsFiler(period, entry.FilerCode),
            EntryNumber = entry.EntryNumber,
            StatementType = entry.PaymentType,
            FilerCode = perImporter ? BlankFilerCode : entry.FilerCode,
            ImporterNumber = perImporter ? entry.ImporterNumber : BlankImporterNumber,
            Period = period,
            EntryDate = entry.EntryDate,
            ScheduledStatementDate = entry.ScheduledStatementDate,
            StatementDate = statementDate,
            DueDate = dueDate,
            StatementDateAdjusted = false,
            Categories = categories,
            EntryTotalCents = entry.TotalAssessedCents,
            Bucket = perImporter ? PaymentTypeBucket.PmsImporter : PaymentTypeBucket.PmsFiler,
        };
    }

    /// <summary>8200 with the once-per-run CLV8211W: the first weekday beyond the holiday table is reported the first time only.</summary>
    private int WorkingDays(int from, int count, ref List<ReceivableWarning>? warnings)
    {
        if (!_workingDays.TryGetValue((from, count), out var result))
        {
            result = _calendar.AddWorkingDays(from, count);
            _workingDays[(from, count)] = result;
        }
        if (result.WentBeyondHolidayTable && !_beyondTableWarned)
        {
            _beyondTableWarned = true;
            (warnings ??= []).Add(new DateBeyondHolidayTable(result.FirstDateBeyondHolidayTable));
        }
        return result.Date;
    }

    /// <summary>SPACES in SR-FILER-CODE X(03) and SR-IMPORTER-NO X(12).</summary>
    private static readonly string BlankFilerCode = new(' ', 3), BlankImporterNumber = new(' ', 12);
}

/// <summary>The counts and amounts CLV300 keeps while assigning (WS-ENTRIES-RELEASED, WS-DATES-ADJUSTED, WS-TYPE-COUNT/AMOUNT).</summary>
public sealed class ReceivableRunTotals
{
    private readonly long[] _counts = new long[4];
    private readonly long[] _amounts = new long[4];

    /// <summary>WS-ENTRIES-RELEASED (S9(07) COMP-3).</summary>
    public long EntriesAssigned { get; private set; }

    /// <summary>WS-DATES-ADJUSTED (S9(07) COMP-3): daily statement dates moved back.</summary>
    public long DatesAdjusted { get; private set; }

    /// <summary>WS-TYPE-COUNT (S9(07) COMP-3) of a bucket.</summary>
    public long CountOf(PaymentTypeBucket bucket) => _counts[Index(bucket)];

    /// <summary>WS-TYPE-AMOUNT (S9(15)V99 COMP-3) of a bucket: the sum of ECT-TOTAL-ASSESSED, cents.</summary>
    public long AmountCentsOf(PaymentTypeBucket bucket) => _amounts[Index(bucket)];

    internal void Count(PaymentTypeBucket bucket, long totalAssessedCents, bool dateAdjusted)
    {
        var i = Index(bucket);
        if (dateAdjusted) DatesAdjusted = Clv300Fields.CountUp(DatesAdjusted, Clv300Fields.CounterDigits);
        _counts[i] = Clv300Fields.CountUp(_counts[i], Clv300Fields.CounterDigits);
        _amounts[i] = Clv300Fields.Add(_amounts[i], totalAssessedCents, Clv300Fields.RunAmountDigits);
        EntriesAssigned = Clv300Fields.CountUp(EntriesAssigned, Clv300Fields.CounterDigits);
    }

    private static int Index(PaymentTypeBucket bucket) => bucket is >= PaymentTypeBucket.SinglePay and <= PaymentTypeBucket.PmsFiler
        ? (int)bucket - 1
        : throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null);
}
