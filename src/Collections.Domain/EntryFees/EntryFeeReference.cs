namespace Collections.Domain.EntryFees;

/// <summary>
/// The reference data CLV200 uses: the fee schedule (FEES.DAT), the MPF exemption flag per special program
/// indicator (SPI.DAT) and the ports where HMF is collected (HMFPORT.DAT).
/// </summary>
public sealed class EntryFeeReference
{
    private readonly Dictionary<FixedCode, bool> _spiMpfExempt;
    private readonly HashSet<FixedCode> _hmfPorts;

    /// <param name="schedule">fee schedule in load order</param>
    /// <param name="spiMpfExempt">SPI code (2 characters, blank padded) and whether lines claiming it are MPF exempt</param>
    /// <param name="hmfPorts">HMF port codes (4 characters)</param>
    public EntryFeeReference(FeeSchedule schedule, IEnumerable<KeyValuePair<string, bool>> spiMpfExempt, IEnumerable<string> hmfPorts)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(spiMpfExempt);
        ArgumentNullException.ThrowIfNull(hmfPorts);
        Schedule = schedule;
        _spiMpfExempt = [];
        foreach (var (code, exempt) in spiMpfExempt) _spiMpfExempt[code] = exempt;
        _hmfPorts = [.. hmfPorts.Select(p => (FixedCode)p)];
    }

    public FeeSchedule Schedule { get; }

    /// <summary>SEARCH ALL WS-SPI-ENTRY: a code not in the table is not exempt.</summary>
    public bool IsMpfExemptProgram(FixedCode spiCode) => _spiMpfExempt.TryGetValue(spiCode, out var exempt) && exempt;

    /// <summary>SEARCH ALL WS-HMP-ENTRY on the entry's port code.</summary>
    public bool IsHmfPort(FixedCode portCode) => _hmfPorts.Contains(portCode);
}
