using Collections.Domain.EntryFees;
using Collections.Legacy.Clv200;

namespace Collections.Legacy.Tests.Clv300Parity;

/// <summary>One entry of a crafted ENTCALC (test input for CLV300). Amounts in cents.</summary>
public sealed record CraftedEntry
{
    public required string EntryNumber { get; init; }
    public string Importer { get; init; } = "22-014590000";
    public int EntryDate { get; init; } = 20260302;
    public int PaymentType { get; init; } = 1;
    public int StatementDate { get; init; }
    public long Duty { get; init; } = 12_345;
    public long S301 { get; init; }
    public long S232 { get; init; }
    public long Ieepa { get; init; }
    public long S122 { get; init; }
    public long Oth99 { get; init; }
    public long Add { get; init; }
    public long Cvd { get; init; }
    public EntryFee[] Fees { get; init; } = [new(FeeClasses.Mpf, 3_300)];

    /// <summary>ECT-TOTAL-ASSESSED; by default the sum of the amounts and fees.</summary>
    public long? Total { get; init; }

    /// <summary>M records written after the E record.</summary>
    public int Allocations { get; init; } = 1;
}

/// <summary>Writes ENTCALC (RECFM=V, COB_VARSEQ_FORMAT=0) for crafted CLV300 inputs with the product's <see cref="EntcalcWriter"/>.</summary>
public static class EntcalcBuilder
{
    public static byte[] Build(IEnumerable<CraftedEntry> entries)
    {
        using var ms = new MemoryStream();
        using (var w = EntcalcWriter.Create(ms, leaveOpen: true))
        {
            foreach (var e in entries)
            {
                var feeTotal = e.Fees.Sum(f => f.AmountCents);
                w.Write(new EntcalcEntryTotal
                {
                    EntryNumber = e.EntryNumber, EntryType = "01", ImporterNumber = e.Importer, PortCode = 2704, EntryDate = e.EntryDate,
                    TransportMode = 40, PaymentType = e.PaymentType, StatementDate = e.StatementDate, ManualFlag = 'N',
                    LinesAccepted = e.Allocations, LinesRejected = 0, EnteredValueCents = 1_000_000, MpfLiableValueCents = 1_000_000,
                    DutyCents = e.Duty, Section301Cents = e.S301, Section232Cents = e.S232, IeepaCents = e.Ieepa, Section122Cents = e.S122,
                    OtherChapter99Cents = e.Oth99, AntidumpingCents = e.Add, CountervailingCents = e.Cvd, FeeTotalCents = feeTotal,
                    TotalAssessedCents = e.Total ?? (e.Duty + e.S301 + e.S232 + e.Ieepa + e.S122 + e.Oth99 + e.Add + e.Cvd + feeTotal),
                    MpfRawTotalE5 = 330_000, Fees = e.Fees,
                });
                for (var i = 1; i <= e.Allocations; i++)
                    w.Write(new EntcalcMpfAllocation(e.EntryNumber, i, 1_000_000, 330_000, 3_300));
            }
        }
        return ms.ToArray();
    }
}
