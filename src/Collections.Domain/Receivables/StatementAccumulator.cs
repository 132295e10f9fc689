namespace Collections.Domain.Receivables;

/// <summary>
/// One receivable as CLV300 writes it on STMTOUT (3200-START-STATEMENT, 3400-WRITE-STATEMENT-HEADER): the data of
/// its first entry in sort order, the run date, the number of entries and the sums by category.
/// </summary>
public sealed record Statement
{
    /// <summary>Bit of <see cref="NegativeZeroMask"/> for the total (bits 0-12 are the categories).</summary>
    public const int TotalBit = CategoryAmounts.Count;

    public required ReferenceType ReferenceType { get; init; }
    public required string Reference { get; init; }
    public required int StatementType { get; init; }
    public required string FilerCode { get; init; }
    public required string ImporterNumber { get; init; }
    public required int Period { get; init; }
    public required int StatementDate { get; init; }
    public required int DueDate { get; init; }
    public required int RunDate { get; init; }

    /// <summary>WS-ST-ENTRY-COUNT, PIC 9(05): 100,000 entries count as 0.</summary>
    public required int EntryCount { get; init; }

    /// <summary>WS-ST-CATEGORY-AMT, PIC S9(11)V99 each (sums with high-order digits dropped).</summary>
    public required CategoryAmounts Categories { get; init; }

    /// <summary>WS-ST-TOTAL, PIC S9(11)V99: the sum of the entries' SR-ENTRY-TOTAL.</summary>
    public required long TotalCents { get; init; }

    /// <summary>
    /// The amounts that hold a negative zero (bit i = category i, bit <see cref="TotalBit"/> = total): a negative
    /// sum whose remaining digits were all dropped. The legacy writes their sign nibble D.
    /// </summary>
    public int NegativeZeroMask { get; init; }
}

/// <summary>
/// CLV300's sort output procedure (3000-3400) as a domain step: the receivables arrive in sort order (reference type,
/// reference, entry number; equal keys in arrival order), consecutive entries of one receivable (same reference type
/// and reference) make one statement. Counts and sums use the legacy's field sizes (ADD without ON SIZE ERROR).
/// </summary>
public sealed class StatementAccumulator
{
    private readonly int _runDate;
    private ReceivableAssignment? _first;
    private readonly PackedSum[] _categories = new PackedSum[CategoryAmounts.Count];
    private PackedSum _total;
    private int _entryCount;

    public StatementAccumulator(int runDate)
    {
        if (runDate is < 0 or > 99_999_999) throw new ArgumentOutOfRangeException(nameof(runDate), runDate, "a PIC 9(08) date");
        _runDate = runDate;
    }

    /// <summary>WS-DETAILS-WRITTEN (S9(07) COMP-3).</summary>
    public long DetailsWritten { get; private set; }

    /// <summary>WS-STATEMENTS-WRITTEN (S9(07) COMP-3).</summary>
    public long StatementsWritten { get; private set; }

    /// <summary>WS-TOT-STATEMENTS (S9(15)V99 COMP-3): the sum of the statements' totals, cents.</summary>
    public long StatementTotalCents { get; private set; }

    /// <summary>A statement is open (started and not yet completed).</summary>
    public bool IsOpen => _first is not null;

    /// <summary>True when <paramref name="assignment"/> belongs to the open statement (SR-REF-KEY = WS-CURR-REF-KEY).</summary>
    public bool BelongsToOpenStatement(ReceivableAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return _first is not null && _first.IsSameReceivable(assignment);
    }

    /// <summary>3200-START-STATEMENT: opens the statement of <paramref name="first"/> (INITIALIZE WS-STMT-ACCUM).</summary>
    public void Start(ReceivableAssignment first)
    {
        ArgumentNullException.ThrowIfNull(first);
        if (_first is not null) throw new InvalidOperationException("a statement is already open");
        _first = first;
        Array.Clear(_categories);
        _total = default;
        _entryCount = 0;
    }

    /// <summary>
    /// 3300-ADD-ENTRY: adds the entry to the open statement (count, category sums, total); its detail record
    /// (STMTDTL) is the assignment itself. Counts the detail as written.
    /// </summary>
    public void Add(ReceivableAssignment entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_first is null) throw new InvalidOperationException("no statement is open");
        if (!_first.IsSameReceivable(entry)) throw new ArgumentException("the entry belongs to another receivable", nameof(entry));
        _entryCount = (int)Clv300Fields.CountUp(_entryCount, Clv300Fields.EntryCountDigits);
        var amounts = entry.Categories.AsSpan();
        for (var i = 0; i < CategoryAmounts.Count; i++) _categories[i] = _categories[i].Add(amounts[i], Clv300Fields.StatementAmountDigits);
        _total = _total.Add(entry.EntryTotalCents, Clv300Fields.StatementAmountDigits);
        DetailsWritten = Clv300Fields.CountUp(DetailsWritten, Clv300Fields.CounterDigits);
    }

    /// <summary>3400-WRITE-STATEMENT-HEADER: the completed statement; counts it and adds its total to the run total.</summary>
    public Statement Complete()
    {
        var first = _first ?? throw new InvalidOperationException("no statement is open");
        Span<long> sums = stackalloc long[CategoryAmounts.Count];
        var negativeZeros = _total.IsNegativeZero ? 1 << Statement.TotalBit : 0;
        for (var i = 0; i < CategoryAmounts.Count; i++)
        {
            sums[i] = _categories[i].Cents;
            if (_categories[i].IsNegativeZero) negativeZeros |= 1 << i;
        }
        var statement = new Statement
        {
            ReferenceType = first.ReferenceType,
            Reference = first.Reference,
            StatementType = first.StatementType,
            FilerCode = first.FilerCode,
            ImporterNumber = first.ImporterNumber,
            Period = first.Period,
            StatementDate = first.StatementDate,
            DueDate = first.DueDate,
            RunDate = _runDate,
            EntryCount = _entryCount,
            Categories = CategoryAmounts.FromCents(sums),
            TotalCents = _total.Cents,
            NegativeZeroMask = negativeZeros,
        };
        StatementsWritten = Clv300Fields.CountUp(StatementsWritten, Clv300Fields.CounterDigits);
        StatementTotalCents = Clv300Fields.Add(StatementTotalCents, _total.Cents, Clv300Fields.RunAmountDigits);
        _first = null;
        return statement;
    }
}
