using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Records;

namespace Collections.Legacy.Clv400;

/// <summary>REFINTR: the interest rate table INTRATE (ref INTRATE.DAT), line sequential, 40 bytes. 0-based offsets.</summary>
public static class InterestRateLayout
{
    public const int RecordLength = 40;
    public const int EffectiveDate = 0, EndDate = 9, UnderpaymentRate = 18, OverpaymentRate = 24, Source = 30;
}

/// <summary>
/// 1300-LOAD-INTEREST-TABLE: the records in effective-date order, checked in the legacy's order (dates and
/// underpayment rate numeric, CLV4301E; effective date after the previous one, CLV4302E; at most 200 entries,
/// CLV4303E). The first error stops the load; an empty table is an error too (CLV4304E); an error ends with
/// CLV4901E and RC 8.
/// </summary>
public static class InterestRateTableLoader
{
    public const int MaxEntries = 200;

    /// <summary>Loads the table from <paramref name="records"/> (each padded or cut to 40 bytes); messages go to <paramref name="display"/>. False on a table error.</summary>
    public static bool Load(IEnumerable<byte[]> records, List<InterestRate> table, Action<string> display)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(display);
        var error = false;
        var previous = DisplayNumber.FromValue(0, 8);   // WS-PREV-INT-DATE
        foreach (var r in records)
        {
            var eff = DisplayNumber.FromBytes(r.AsSpan(InterestRateLayout.EffectiveDate, 8));
            var end = DisplayNumber.FromBytes(r.AsSpan(InterestRateLayout.EndDate, 8));
            var rate = DisplayNumber.FromBytes(r.AsSpan(InterestRateLayout.UnderpaymentRate, 5));
            if (!eff.IsNumeric || !end.IsNumeric || !rate.IsNumeric)
            {
                display("CLV4301E INTEREST RECORD INVALID: " + LegacyNumeric.Text(r));
                error = true;
            }
            else if (eff <= previous)
            {
                display("CLV4302E INTEREST RATES OUT OF ORDER AT " + LegacyNumeric.Text(r.AsSpan(InterestRateLayout.EffectiveDate, 8)));
                error = true;
            }
            else if (table.Count >= MaxEntries)
            {
                display("CLV4303E INTEREST TABLE FULL");
                error = true;
            }
            else
            {
                previous = eff;
                table.Add(new InterestRate(eff.GetInt(), end.GetInt(), rate.GetInt()));
            }
            if (error) break;
        }
        if (table.Count == 0)
        {
            display("CLV4304E INTEREST RATE TABLE IS EMPTY");
            error = true;
        }
        if (error) display("CLV4901E REFERENCE DATA ERROR - RUN STOPPED");
        return !error;
    }
}
