namespace Collections.Domain.Reporting;

/// <summary>One line of section 2: a port's entries, accepted lines, entered value, duties and deposits, fees and total assessed.</summary>
public readonly record struct PortAssessment(string Port, long Entries, long Lines, long EnteredValueCents, long DutiesCents, long FeesCents, long TotalCents);

/// <summary>Where <see cref="PortAssessments.Add"/> counted an entry.</summary>
public enum PortTally
{
    /// <summary>The port was in the table already.</summary>
    Existing,

    /// <summary>A new port, inserted in port-code order.</summary>
    Inserted,

    /// <summary>
    /// A new port, but the table was full: the entry was counted with the last port of the table (the highest port
    /// code) and the legacy displays CLV2301W.
    /// </summary>
    CountedWithLastPort,
}

/// <summary>
/// Section 2, assessments by port of entry (CLV500 2200-ACCUMULATE-ENTRY, 2300-FIND-PORT, 2600-PRINT-PORTS): a table
/// of at most <see cref="Capacity"/> ports kept in ascending port-code order (compared character by character, as the
/// legacy compares PIC X). A new port is inserted at its place; when the table is full a new port's entries are
/// counted with the last port instead. Duties and deposits of an entry are its total assessed minus its fees (PIC
/// S9(13)V99). Counters PIC S9(07) COMP-3, amounts S9(15)V99, high-order digits lost on overflow.
/// </summary>
public sealed class PortAssessments
{
    /// <summary>WS-PORT-MAX: the table holds at most 300 ports.</summary>
    public const int Capacity = 300;

    private readonly List<PortAssessment> _ports = [];

    /// <summary>Counts one entry under its port; says whether the port was new and where the entry went.</summary>
    public PortTally Add(EntryRevenue entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var key = entry.PortCode;
        var (at, slot) = CodeTable.Find(_ports, p => p.Port, key, Capacity, () => new PortAssessment(key, 0, 0, 0, 0, 0, 0));
        var tally = slot switch
        {
            CodeSlot.Existing => PortTally.Existing,
            CodeSlot.Inserted => PortTally.Inserted,
            _ => PortTally.CountedWithLastPort,
        };
        var duties = Clv500Fields.EntryDuties(entry.TotalAssessedCents, entry.FeeTotalCents);
        var p = _ports[at];
        _ports[at] = p with
        {
            Entries = Clv500Fields.Count(p.Entries),
            Lines = Clv500Fields.AddCount(p.Lines, entry.LinesAccepted),
            EnteredValueCents = Clv500Fields.AddAmount(p.EnteredValueCents, entry.EnteredValueCents),
            DutiesCents = Clv500Fields.AddAmount(p.DutiesCents, duties),
            FeesCents = Clv500Fields.AddAmount(p.FeesCents, entry.FeeTotalCents),
            TotalCents = Clv500Fields.AddAmount(p.TotalCents, entry.TotalAssessedCents),
        };
        return tally;
    }

    /// <summary>Ports in ascending port-code order.</summary>
    public IReadOnlyList<PortAssessment> Ports => _ports;

    /// <summary>The "ALL" line: the port lines added in order into the grand totals (WS-PORT-GRAND-TOTALS).</summary>
    public PortAssessment AllPorts
    {
        get
        {
            var all = new PortAssessment("ALL ", 0, 0, 0, 0, 0, 0);
            foreach (var p in _ports)
            {
                all = all with
                {
                    Entries = Clv500Fields.AddCount(all.Entries, p.Entries),
                    Lines = Clv500Fields.AddCount(all.Lines, p.Lines),
                    EnteredValueCents = Clv500Fields.AddAmount(all.EnteredValueCents, p.EnteredValueCents),
                    DutiesCents = Clv500Fields.AddAmount(all.DutiesCents, p.DutiesCents),
                    FeesCents = Clv500Fields.AddAmount(all.FeesCents, p.FeesCents),
                    TotalCents = Clv500Fields.AddAmount(all.TotalCents, p.TotalCents),
                };
            }
            return all;
        }
    }
}
