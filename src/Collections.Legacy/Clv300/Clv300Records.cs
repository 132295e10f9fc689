using Collections.Domain.Receivables;
using Collections.Legacy.Clv200;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv300;

/// <summary>The mappings between CLV300's records and the domain: ENTCALC E record in, STMTHDR and STMTDTL out.</summary>
public static class Clv300Records
{
    /// <summary>The receivable view of an ENTCALC E record (the fields 2200-BUILD-SORT-RECORD reads).</summary>
    public static ReceivableEntry ToReceivableEntry(EntcalcEntryTotal e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Span<long> duties = stackalloc long[CategoryAmounts.Count];
        duties[(int)ReceivableCategory.Duty] = e.DutyCents;
        duties[(int)ReceivableCategory.Section301] = e.Section301Cents;
        duties[(int)ReceivableCategory.Section232] = e.Section232Cents;
        duties[(int)ReceivableCategory.Ieepa] = e.IeepaCents;
        duties[(int)ReceivableCategory.Section122] = e.Section122Cents;
        duties[(int)ReceivableCategory.OtherChapter99] = e.OtherChapter99Cents;
        duties[(int)ReceivableCategory.Antidumping] = e.AntidumpingCents;
        duties[(int)ReceivableCategory.Countervailing] = e.CountervailingCents;
        return new ReceivableEntry
        {
            EntryNumber = e.EntryNumber,
            ImporterNumber = e.ImporterNumber,
            EntryDate = e.EntryDate,
            PaymentType = e.PaymentType,
            ScheduledStatementDate = e.StatementDate,
            Duties = CategoryAmounts.FromCents(duties),
            Fees = e.Fees,
            TotalAssessedCents = e.TotalAssessedCents,
        };
    }

    /// <summary>3400: the STMTHDR record of a statement (MOVE SPACES, then the fields).</summary>
    public static StatementHeaderRecord ToHeader(Statement s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new StatementHeaderRecord
        {
            RefType = (char)s.ReferenceType,
            Reference = s.Reference,
            StatementType = s.StatementType,
            FilerCode = s.FilerCode,
            ImporterNumber = s.ImporterNumber,
            Period = s.Period,
            StatementDate = s.StatementDate,
            DueDate = s.DueDate,
            RunDate = s.RunDate,
            EntryCount = s.EntryCount,
            Categories = s.Categories,
            TotalCents = s.TotalCents,
            NegativeZeroMask = s.NegativeZeroMask,
        };
    }

    /// <summary>3300: the STMTDTL record of an entry's receivable (MOVE SPACES, then the fields).</summary>
    public static StatementDetailRecord ToDetail(ReceivableAssignment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new StatementDetailRecord
        {
            RefType = (char)a.ReferenceType,
            Reference = a.Reference,
            EntryNumber = a.EntryNumber,
            StatementType = a.StatementType,
            EntryDate = a.EntryDate,
            ScheduledStatementDate = a.ScheduledStatementDate,
            StatementDate = a.StatementDate,
            DueDate = a.DueDate,
            DateAdjustedFlag = a.StatementDateAdjusted ? 'Y' : 'N',
            EntryTotalCents = a.EntryTotalCents,
        };
    }
}
