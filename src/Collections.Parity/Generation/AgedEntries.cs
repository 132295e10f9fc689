namespace Collections.Parity.Generation;

/// <summary>
/// Entries dated well before the run date (generate-day <c>--aged-entries</c>): their receivables are already past
/// due when CLV300 assigns them (single pay: entry date + 10 working days; daily statement: the statement date;
/// PMS: the 15th working day of the month after the period), so CLV400 finds items more than 30 days past due on
/// the day it creates them and bills them with interest from the due date to the run date (3800/3810).
/// </summary>
public static class AgedEntries
{
    /// <summary>Fewest days back an aged entry is dated (single pay due 14 calendar days later: 21 days past due at least).</summary>
    public const int MinDaysBack = 35;

    /// <summary>Most days back (a PMS entry then lies three periods back, due about 80 days before the run date).</summary>
    public const int MaxDaysBack = 100;

    /// <summary>
    /// With probability <paramref name="ppm"/> a date <see cref="MinDaysBack"/>..<see cref="MaxDaysBack"/> days before
    /// <paramref name="runDate"/> (never before <paramref name="earliest"/>, the first date the fee and tariff tables
    /// cover); otherwise <paramref name="current"/>. Draws from <paramref name="rng"/> only when <paramref name="ppm"/> &gt; 0.
    /// </summary>
    public static int EntryDate(Prng rng, int ppm, int runDate, int earliest, int current)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (ppm <= 0 || !rng.ChancePpm(ppm)) return current;
        var aged = LegacyDate.AddDays(runDate, -rng.Between(MinDaysBack, MaxDaysBack));
        return aged < earliest ? current : aged;
    }
}
