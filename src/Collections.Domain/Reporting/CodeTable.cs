namespace Collections.Domain.Reporting;

/// <summary>Where <see cref="CodeTable.Find"/> put a code.</summary>
internal enum CodeSlot
{
    /// <summary>The code was in the table.</summary>
    Existing,

    /// <summary>A new code, inserted at its place.</summary>
    Inserted,

    /// <summary>A new code, but the table was full: the last entry of the table.</summary>
    Last,
}

/// <summary>
/// The legacy's table of codes kept in ascending order (CLV500 2300-FIND-PORT, 6200-COUNT-REASON): a search for the
/// first entry whose code is not below the key (character by character, as PIC X compares), the entry itself when
/// its code is the key, else a new entry shifted in at that place, or, when the table is full, the last entry.
/// </summary>
internal static class CodeTable
{
    public static (int Index, CodeSlot Slot) Find<T>(List<T> table, Func<T, string> codeOf, string key, int capacity, Func<T> newEntry)
    {
        // the legacy's linear search; the table is sorted, so a binary search finds the same place
        int lo = 0, hi = table.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(codeOf(table[mid]), key) < 0) lo = mid + 1;
            else hi = mid;
        }
        if (lo < table.Count && string.Equals(codeOf(table[lo]), key, StringComparison.Ordinal)) return (lo, CodeSlot.Existing);
        if (table.Count >= capacity) return (table.Count - 1, CodeSlot.Last);
        table.Insert(lo, newEntry());
        return (lo, CodeSlot.Inserted);
    }
}
