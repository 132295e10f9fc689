using Collections.Cobol.Numerics;
using Collections.Domain.EntryFees;

namespace Collections.Domain.Reporting;

/// <summary>One line of section 1: a revenue class, the entries with a non-zero amount of it and the amount.</summary>
public readonly record struct RevenueClassTotal(RevenueClass Class, long Entries, long AmountCents);

/// <summary>
/// Section 1, revenue assessed by revenue class (CLV500 2200-ACCUMULATE-ENTRY, 2500-PRINT-REVENUE-CLASSES). Per
/// entry, each class's amount is the entry's duty or deposit amount (the first eight classes) or the sum of the
/// entry's fees of that class (the five fee classes; a fee of any other class counts in no class); a class whose
/// amount is not zero (negative included) counts the entry once and adds the amount. Counters are PIC S9(07)
/// COMP-3, amounts S9(15)V99: both lose high-order digits on overflow, as the legacy's ADDs do.
/// </summary>
public sealed class RevenueByClass
{
    private readonly long[] _entries = new long[RevenueClasses.Count];
    private readonly long[] _amounts = new long[RevenueClasses.Count];

    /// <summary>Entries reported (WS-ENTRIES-READ: every entry total read), the entry count of the total line.</summary>
    public long EntriesReported { get; private set; }

    /// <summary>Adds one entry.</summary>
    public void Add(EntryRevenue entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EntriesReported = Clv500Fields.Count(EntriesReported);
        // MOVE ECT-DUTY-AMT .. ECT-CVD-AMT TO WS-ENTRY-CLASS-AMT (1) .. (8) (the same PICTURE: the field is copied as
        // it is, so the amount is taken as given); MOVE ZERO to (9) .. (13), then ADD each fee of the class
        Span<long> amounts =
        [
            entry.DutyCents, entry.Section301Cents, entry.Section232Cents, entry.IeepaCents, entry.Section122Cents,
            entry.OtherChapter99Cents, entry.AntidumpingCents, entry.CountervailingCents, 0, 0, 0, 0, 0,
        ];
        foreach (var fee in entry.Fees)
        {
            for (var c = RevenueClasses.FirstFeeClass; c < RevenueClasses.Count; c++)
            {
                if (string.Equals(fee.FeeClass, RevenueClasses.All[c].Code, StringComparison.Ordinal))
                    amounts[c] = CobolArithmetic.TruncateHighOrder(amounts[c] + fee.AmountCents, Clv500Fields.EntryClassAmountDigits);
            }
        }
        for (var c = 0; c < RevenueClasses.Count; c++)
        {
            if (amounts[c] == 0) continue;
            _entries[c] = Clv500Fields.Count(_entries[c]);
            _amounts[c] = Clv500Fields.AddAmount(_amounts[c], amounts[c]);
        }
    }

    /// <summary>The 13 lines in report order.</summary>
    public IReadOnlyList<RevenueClassTotal> Classes =>
        [.. RevenueClasses.All.Select((c, i) => new RevenueClassTotal(c, _entries[i], _amounts[i]))];

    /// <summary>
    /// The amount of the total line: the class amounts added in report order into a PIC S9(15)V99 total
    /// (WS-PG-TOTAL), high-order digits lost on overflow.
    /// </summary>
    public long TotalAssessedCents
    {
        get
        {
            long total = 0;
            foreach (var a in _amounts) total = Clv500Fields.AddAmount(total, a);
            return total;
        }
    }
}
