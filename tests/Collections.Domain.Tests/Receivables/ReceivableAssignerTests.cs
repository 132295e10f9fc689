using Collections.Domain.Calendar;
using Collections.Domain.EntryFees;
using Collections.Domain.Receivables;
using Collections.Testing;

namespace Collections.Domain.Tests.Receivables;

public sealed class ReceivableAssignerTests
{
    /// <summary>Holidays: Monday 2026-02-16, Friday 2026-07-03; the table ends in 2026.</summary>
    private static readonly WorkingDayCalendar Calendar = HolidayTableBuilder.Create([20260216, 20260703]);

    private const int RunDate = 20260302;

    private static ReceivableEntry Entry(int type, int date = 20260302, int scheduled = 0, EntryFee[]? fees = null, long total = 1_000) => new()
    {
        EntryNumber = "31677812047",
        ImporterNumber = "22-014590000",
        EntryDate = date,
        PaymentType = type,
        ScheduledStatementDate = scheduled,
        Duties = CategoryAmounts.FromCents([100, 301, 232, 4, 122, 99, 7, 8, 0, 0, 0, 0, 0]),
        Fees = fees ?? [new EntryFee(FeeClasses.Mpf, 500)],
        TotalAssessedCents = total,
    };

    private static ReceivableAssigner Assigner(ReceivablePolicies? policies = null) => new(Calendar, RunDate, policies);

    [Fact]
    public void Assign_SinglePay_OwnReceivableDatedTheRunDateDueTenWorkingDaysLater()
    {
        var a = Assigner().Assign(Entry(1, date: 20260210, scheduled: 20260101));
        a.ReferenceType.Should().Be(ReferenceType.Entry);
        a.Reference.Should().Be("31677812047     ");
        a.EntryNumber.Should().Be("31677812047");
        a.StatementType.Should().Be(1);
        a.FilerCode.Should().Be("316");
        a.ImporterNumber.Should().Be("22-014590000");
        a.Period.Should().Be(0);
        a.EntryDate.Should().Be(20260210);
        a.ScheduledStatementDate.Should().Be(20260101);
        a.StatementDate.Should().Be(RunDate);
        a.DueDate.Should().Be(20260225, "10 working days after 02-10, skipping the weekends and Monday 02-16");
        a.StatementDateAdjusted.Should().BeFalse();
        a.Bucket.Should().Be(PaymentTypeBucket.SinglePay);
        a.EntryTotalCents.Should().Be(1_000);
        a.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    public void Assign_UnknownPaymentType_IsSinglePayOfType1(int type)
    {
        var a = Assigner().Assign(Entry(type));
        a.StatementType.Should().Be(1);
        a.ReferenceType.Should().Be(ReferenceType.Entry);
        a.Bucket.Should().Be(PaymentTypeBucket.SinglePay);
    }

    [Theory]
    [InlineData(20260316, 20260316, false)]   // the 10th working day itself: kept
    [InlineData(20260317, 20260316, true)]    // later: moved back to it
    [InlineData(20260305, 20260305, false)]
    [InlineData(20260101, 20260101, false)]   // earlier than the entry date: kept
    [InlineData(0, 0, false)]
    public void Assign_DailyStatement_LimitedToTheTenthWorkingDay(int scheduled, int statementDate, bool adjusted)
    {
        var assigner = Assigner();
        var a = assigner.Assign(Entry(2, scheduled: scheduled));
        a.ReferenceType.Should().Be(ReferenceType.Statement);
        a.StatementDate.Should().Be(statementDate);
        a.DueDate.Should().Be(statementDate);
        a.StatementDateAdjusted.Should().Be(adjusted);
        a.ScheduledStatementDate.Should().Be(scheduled);
        a.Reference.Should().Be(StatementNumbers.Daily(statementDate, "316"));
        a.StatementType.Should().Be(2);
        a.FilerCode.Should().Be("316");
        a.ImporterNumber.Should().Be(new string(' ', 12));
        a.Bucket.Should().Be(PaymentTypeBucket.DailyStatement);
        assigner.Totals.DatesAdjusted.Should().Be(adjusted ? 1 : 0);
    }

    [Fact]
    public void Assign_PmsPerImporter_PeriodStatementOn11thAndDueOn15thWorkingDay()
    {
        var a = Assigner().Assign(Entry(6, date: 20260615));
        a.Period.Should().Be(202606);
        a.Reference.Should().Be("P260622014590000");
        a.StatementType.Should().Be(6);
        a.FilerCode.Should().Be("   ");
        a.ImporterNumber.Should().Be("22-014590000");
        a.StatementDate.Should().Be(20260716, "11 working days after 06-30, Friday 07-03 a holiday");
        a.DueDate.Should().Be(20260722);
        a.Bucket.Should().Be(PaymentTypeBucket.PmsImporter);
        a.StatementDateAdjusted.Should().BeFalse();
    }

    [Fact]
    public void Assign_PmsPerFiler_FilerStatement()
    {
        var a = Assigner().Assign(Entry(7, date: 20260615));
        a.Reference.Should().Be("B2606316        ");
        a.StatementType.Should().Be(7);
        a.FilerCode.Should().Be("316");
        a.ImporterNumber.Should().Be(new string(' ', 12));
        a.Bucket.Should().Be(PaymentTypeBucket.PmsFiler);
    }

    [Fact]
    public void Assign_PeriodCutOffPolicy_DecidesFebruary29()
    {
        var leapCalendar = HolidayTableBuilder.Create([20280101]);
        new ReceivableAssigner(leapCalendar, RunDate).Assign(Entry(7, date: 20280229)).Period.Should().Be(202803);
        new ReceivableAssigner(leapCalendar, RunDate, new ReceivablePolicies { PeriodCutOff = PeriodCutOff.CalendarMonthEnd })
            .Assign(Entry(7, date: 20280229)).Period.Should().Be(202802);
    }

    [Fact]
    public void Assign_WorkingDayCountsArePolicies()
    {
        var p = new ReceivablePolicies { SinglePayDueWorkingDays = 1, DailyStatementLimitWorkingDays = 1, PreliminaryStatementWorkingDays = 1, PeriodicPaymentDueWorkingDays = 2 };
        var assigner = Assigner(p);
        assigner.Assign(Entry(1)).DueDate.Should().Be(20260303);
        assigner.Assign(Entry(2, scheduled: 20260304)).StatementDate.Should().Be(20260303);
        var pms = assigner.Assign(Entry(7, date: 20260415));
        pms.StatementDate.Should().Be(20260501);
        pms.DueDate.Should().Be(20260504);
        ReceivablePolicies.Legacy.Should().Be(new ReceivablePolicies());
        ReceivablePolicies.Legacy.SinglePayDueWorkingDays.Should().Be(10);
        ReceivablePolicies.Legacy.DailyStatementLimitWorkingDays.Should().Be(10);
        ReceivablePolicies.Legacy.PreliminaryStatementWorkingDays.Should().Be(11);
        ReceivablePolicies.Legacy.PeriodicPaymentDueWorkingDays.Should().Be(15);
        ReceivablePolicies.Legacy.PeriodCutOff.Should().Be(PeriodCutOff.LegacyMonthEndTable);
    }

    [Fact]
    public void Assign_Categories_DutiesAsRecordedFeesByClass()
    {
        EntryFee[] fees = [new(FeeClasses.Mpf, 500), new(FeeClasses.InformalFee, 11), new(FeeClasses.ManualSurcharge, 12), new(FeeClasses.Hmf, 13),
            new(FeeClasses.Cotton, 14), new(FeeClasses.Mpf, 1)];
        var a = Assigner().Assign(Entry(1, fees: fees));
        a.Categories.AsSpan().ToArray().Should().Equal(100, 301, 232, 4, 122, 99, 7, 8, 501, 11, 12, 13, 14);
    }

    [Fact]
    public void Assign_FeeCategoriesOfTheDuties_AreNotTaken()
    {
        var entry = Entry(1, fees: [new(FeeClasses.Hmf, 5)]) with { Duties = CategoryAmounts.FromCents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]) };
        Assigner().Assign(entry).Categories.AsSpan().ToArray().Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 5, 0);
    }

    [Fact]
    public void Assign_FeeSum_DropsHighOrderDigits()
    {
        var a = Assigner().Assign(Entry(1, fees: [new(FeeClasses.Mpf, 9_999_999_999_999), new(FeeClasses.Mpf, 2)]));
        a.Categories.CentsOf(ReceivableCategory.Mpf).Should().Be(1);
    }

    [Fact]
    public void Assign_UnknownFeeClasses_WarnInRecordOrderAndAddNothing()
    {
        var a = Assigner().Assign(Entry(1, fees: [new("999", 5), new(FeeClasses.Mpf, 7), new("49 ", 9)]));
        a.Warnings.Should().Equal(new UnknownFeeClass("999", "31677812047"), new UnknownFeeClass("49 ", "31677812047"));
        a.Categories.AsSpan()[8..].ToArray().Should().Equal(7, 0, 0, 0, 0);
    }

    [Theory]
    [InlineData("499", ReceivableCategory.Mpf)]
    [InlineData("311", ReceivableCategory.InformalEntryFee)]
    [InlineData("500", ReceivableCategory.ManualSurcharge)]
    [InlineData("501", ReceivableCategory.HarborMaintenanceFee)]
    [InlineData("056", ReceivableCategory.CottonFee)]
    public void FeeCategory_KnownClasses(string feeClass, ReceivableCategory category) => ReceivableAssigner.FeeCategory(feeClass).Should().Be(category);

    [Theory]
    [InlineData("56 ")]
    [InlineData(" 56")]
    [InlineData("")]
    [InlineData("4999")]
    public void FeeCategory_OtherText_Null(string feeClass) => ReceivableAssigner.FeeCategory(feeClass).Should().BeNull();

    [Fact]
    public void Assign_BeyondTheHolidayTable_WarnsOncePerRunWithTheFirstDate()
    {
        var assigner = Assigner();
        assigner.Assign(Entry(1, date: 20261201)).Warnings.Should().BeEmpty();
        var first = assigner.Assign(Entry(7, date: 20261215));   // period 202612: dates in January 2027
        first.Warnings.Should().Equal(new DateBeyondHolidayTable(20270101));
        assigner.Assign(Entry(1, date: 20261230)).Warnings.Should().BeEmpty("reported once per run");
        Assigner().Assign(Entry(1, date: 20261230)).Warnings.Should().ContainSingle("a new run reports again").Which.Should().Be(new DateBeyondHolidayTable(20270101));
    }

    [Fact]
    public void Assign_FeeWarningsComeBeforeTheCalendarWarning()
    {
        var a = Assigner().Assign(Entry(1, date: 20261230, fees: [new("ABC", 1)]));
        a.Warnings.Should().HaveCount(2);
        a.Warnings[0].Should().BeOfType<UnknownFeeClass>();
        a.Warnings[1].Should().BeOfType<DateBeyondHolidayTable>();
    }

    [Fact]
    public void Assign_CountsEveryBucketAndSumsTheTotals()
    {
        var assigner = Assigner();
        assigner.Assign(Entry(1, total: 10));
        assigner.Assign(Entry(3, total: 20));
        assigner.Assign(Entry(2, scheduled: 20260401, total: 30));
        assigner.Assign(Entry(6, total: 40));
        assigner.Assign(Entry(7, total: 50));
        assigner.Assign(Entry(7, total: -5));
        var t = assigner.Totals;
        t.EntriesAssigned.Should().Be(6);
        t.DatesAdjusted.Should().Be(1);
        t.CountOf(PaymentTypeBucket.SinglePay).Should().Be(2);
        t.AmountCentsOf(PaymentTypeBucket.SinglePay).Should().Be(30);
        t.CountOf(PaymentTypeBucket.DailyStatement).Should().Be(1);
        t.AmountCentsOf(PaymentTypeBucket.DailyStatement).Should().Be(30);
        t.CountOf(PaymentTypeBucket.PmsImporter).Should().Be(1);
        t.AmountCentsOf(PaymentTypeBucket.PmsImporter).Should().Be(40);
        t.CountOf(PaymentTypeBucket.PmsFiler).Should().Be(2);
        t.AmountCentsOf(PaymentTypeBucket.PmsFiler).Should().Be(45);
        ((Action)(() => t.CountOf((PaymentTypeBucket)0))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => t.AmountCentsOf((PaymentTypeBucket)5))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(6, 20261300, false)]
    [InlineData(7, 20260001, false)]
    [InlineData(7, 20260101, true)]
    [InlineData(1, 20261300, true)]
    [InlineData(2, 20260001, true)]
    public void CanAssign_PeriodicEntriesNeedAMonthOfTheTable(int type, int date, bool expected)
    {
        ReceivableAssigner.CanAssign(Entry(type, date: date)).Should().Be(expected);
        var act = () => Assigner().Assign(Entry(type, date: date));
        if (expected) act.Should().NotThrow();
        else act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100_000_000)]
    public void Create_RunDateOutsidePic_Throws(int runDate)
        => ((Action)(() => new ReceivableAssigner(Calendar, runDate))).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void ReceivableEntry_FilerCode_FirstThreeCharacters()
    {
        Entry(1).FilerCode.Should().Be("316");
        (Entry(1) with { EntryNumber = "AB" }).FilerCode.Should().Be("AB ");
    }
}

public sealed class StatementAccumulatorTests
{
    private static ReceivableAssignment A(string reference, string entry, long total, long duty = 0, int date = 20260305) => new()
    {
        ReferenceType = ReferenceType.Statement,
        Reference = reference.PadRight(16),
        EntryNumber = entry,
        StatementType = 7,
        FilerCode = "316",
        ImporterNumber = new string(' ', 12),
        Period = 202603,
        EntryDate = 20260302,
        ScheduledStatementDate = 0,
        StatementDate = date,
        DueDate = date + 1,
        StatementDateAdjusted = false,
        Categories = CategoryAmounts.FromCents([duty, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        EntryTotalCents = total,
        Bucket = PaymentTypeBucket.PmsFiler,
    };

    [Fact]
    public void Complete_HeaderFromTheFirstEntrySumsOfAll()
    {
        var acc = new StatementAccumulator(20260302);
        var first = A("B2603316", "31600000011", 100, 10, date: 20260401);
        acc.Start(first);
        acc.IsOpen.Should().BeTrue();
        acc.Add(first);
        acc.BelongsToOpenStatement(A("B2603316", "31600000021", 0)).Should().BeTrue();
        acc.BelongsToOpenStatement(A("B2604316", "31600000021", 0)).Should().BeFalse();
        acc.BelongsToOpenStatement(A("B2603316", "31600000021", 0) with { ReferenceType = ReferenceType.Entry }).Should().BeFalse();
        acc.Add(A("B2603316", "31600000021", 200, 20, date: 20260501));
        var s = acc.Complete();
        acc.IsOpen.Should().BeFalse();
        s.ReferenceType.Should().Be(ReferenceType.Statement);
        s.Reference.Should().Be("B2603316        ");
        s.StatementType.Should().Be(7);
        s.FilerCode.Should().Be("316");
        s.ImporterNumber.Should().Be(new string(' ', 12));
        s.Period.Should().Be(202603);
        s.StatementDate.Should().Be(20260401);
        s.DueDate.Should().Be(20260402);
        s.RunDate.Should().Be(20260302);
        s.EntryCount.Should().Be(2);
        s.Categories.AsSpan().ToArray().Should().Equal(30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2);
        s.TotalCents.Should().Be(300);
        s.NegativeZeroMask.Should().Be(0);
        acc.DetailsWritten.Should().Be(2);
        acc.StatementsWritten.Should().Be(1);
        acc.StatementTotalCents.Should().Be(300);
    }

    [Fact]
    public void Start_AfterComplete_StartsFromZero()
    {
        var acc = new StatementAccumulator(20260302);
        acc.Start(A("B1", "1", 100, 10));
        acc.Add(A("B1", "1", 100, 10));
        acc.Complete();
        acc.Start(A("B2", "2", 7, 3));
        acc.Add(A("B2", "2", 7, 3));
        var s = acc.Complete();
        s.EntryCount.Should().Be(1);
        s.TotalCents.Should().Be(7);
        s.Categories.CentsOf(ReceivableCategory.Duty).Should().Be(3);
        acc.StatementsWritten.Should().Be(2);
        acc.StatementTotalCents.Should().Be(107);
    }

    [Fact]
    public void Complete_NegativeSumsLosingEveryDigit_MarkedNegativeZero()
    {
        var acc = new StatementAccumulator(20260302);
        acc.Start(A("B1", "1", -9_999_999_999_999, -9_999_999_999_999));
        acc.Add(A("B1", "1", -9_999_999_999_999, -9_999_999_999_999));
        acc.Add(A("B1", "2", -1, -1));
        var s = acc.Complete();
        s.TotalCents.Should().Be(0);
        s.Categories.CentsOf(ReceivableCategory.Duty).Should().Be(0);
        s.NegativeZeroMask.Should().Be((1 << Statement.TotalBit) | 1);
    }

    [Fact]
    public void Add_100000Entries_CountIsPic9_5()
    {
        var acc = new StatementAccumulator(20260302);
        var a = A("B1", "1", 1);
        acc.Start(a);
        for (var i = 0; i < 100_001; i++) acc.Add(a);
        acc.Complete().EntryCount.Should().Be(1);
    }

    [Fact]
    public void Misuse_Throws()
    {
        var acc = new StatementAccumulator(20260302);
        ((Action)(() => acc.Add(A("B1", "1", 1)))).Should().Throw<InvalidOperationException>();
        ((Action)(() => acc.Complete())).Should().Throw<InvalidOperationException>();
        acc.BelongsToOpenStatement(A("B1", "1", 1)).Should().BeFalse();
        acc.Start(A("B1", "1", 1));
        ((Action)(() => acc.Start(A("B1", "1", 1)))).Should().Throw<InvalidOperationException>();
        ((Action)(() => acc.Add(A("B2", "1", 1)))).Should().Throw<ArgumentException>();
        ((Action)(() => new StatementAccumulator(-1))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => new StatementAccumulator(100_000_000))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void CompareSortKeys_RefTypeThenReferenceThenEntryAsBytes()
    {
        var e = A("31600000011", "31600000011", 0) with { ReferenceType = ReferenceType.Entry };
        var s = A("B2603316", "31600000011", 0);
        ReceivableAssignment.CompareSortKeys(e, s).Should().BeNegative("E before S");
        ReceivableAssignment.CompareSortKeys(A("B2603316", "2", 0), A("D260305316", "1", 0)).Should().BeNegative();
        ReceivableAssignment.CompareSortKeys(A("B1", "2", 0), A("B1", "10", 0)).Should().BePositive("entry numbers compare as text");
        ReceivableAssignment.CompareSortKeys(A("B1", "1", 5), A("B1", "1", 6)).Should().Be(0);
        ReceivableAssignment.CompareSortKeys(A("B\u00e9", "1", 0), A("BZ", "1", 0)).Should().BePositive("bytes above 127 come last");
    }
}

public sealed class CategoryAmountsTests
{
    [Fact]
    public void FromCents_ThirteenAmounts()
    {
        var a = CategoryAmounts.FromCents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -13]);
        a[ReceivableCategory.CottonFee].Cents.Should().Be(-13);
        a.CentsOf(ReceivableCategory.Duty).Should().Be(1);
        a.Should().Be(CategoryAmounts.FromCents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -13]));
        (a == CategoryAmounts.FromCents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -13])).Should().BeTrue();
        (a != CategoryAmounts.Zero).Should().BeTrue();
        a.GetHashCode().Should().Be(CategoryAmounts.FromCents([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, -13]).GetHashCode());
        ((Action)(() => CategoryAmounts.FromCents([1, 2]))).Should().Throw<ArgumentException>();
        ((Action)(() => a.CentsOf((ReceivableCategory)13))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Default_IsZero()
    {
        default(CategoryAmounts).Should().Be(CategoryAmounts.FromCents(new long[13]));
        default(CategoryAmounts).AsSpan().Length.Should().Be(13);
        default(CategoryAmounts)[ReceivableCategory.Mpf].Cents.Should().Be(0);
    }

    [Fact]
    public void ToString_Invariant()
    {
        using var _ = HostileCulture.Enter();
        CategoryAmounts.FromCents([100, -5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]).ToString()
            .Should().Be("1.00 -0.05 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.01");
    }
}
