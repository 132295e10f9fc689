using System.Text;

namespace Collections.Parity.Generation;

/// <summary>Damage planted in an OPENITEM master given to CLV400 as the old master (garbage fixtures M01..M06).</summary>
public enum MasterDefect
{
    /// <summary>The last record is 40 bytes short: CLV400's READ gets file status 04, CLV9901E, RC 16.</summary>
    Truncated,
    /// <summary>Two neighbouring records swapped: CLV4101E OLD MASTER OUT OF SEQUENCE, the rest of the master is ignored, RC 8.</summary>
    OutOfSequence,
    /// <summary>A paid receivable's item type is 'X': CLV4511W, the item is dropped, its payments go to suspense, RC 4.</summary>
    ItemType,
    /// <summary>A paid item's balance has invalid packed nibbles and another paid item's amount paid is blanks: libcob arithmetic on bad data.</summary>
    BadPacked,
    /// <summary>Dates that are not dates (open, statement, last payment, period; a billed item's due date) on items nobody pays: carried as they are.</summary>
    BadDates,
    /// <summary>An open item due on 2022-09-01, before the interest table's first period: its interest (bill or late payment) has CLV8511E for each day to 2022-09-30, RC 8.</summary>
    DueBeforeRateTable,
}

/// <summary>Plants one <see cref="MasterDefect"/> in an OPENITEM master (RECFM=F 150), deterministically.</summary>
public static class MasterDefects
{
    private const int Len = MasterItem.Length;

    public static MasterDefect Parse(string text) => text switch
    {
        "truncated" => MasterDefect.Truncated,
        "out-of-sequence" => MasterDefect.OutOfSequence,
        "item-type" => MasterDefect.ItemType,
        "bad-packed" => MasterDefect.BadPacked,
        "bad-dates" => MasterDefect.BadDates,
        "due-before-rate-table" => MasterDefect.DueBeforeRateTable,
        _ => throw new ArgumentException($"unknown master defect '{text}' (truncated|out-of-sequence|item-type|bad-packed|bad-dates|due-before-rate-table)"),
    };

    /// <summary>
    /// Returns the damaged master and what was changed (record numbers are 1-based). <paramref name="paidRefs"/> are the
    /// reference keys (type + reference) that today's PAYMENTS pay: the defects that must be met by a payment are
    /// planted on such items, the ones that must not be (bad dates) on items nobody pays.
    /// </summary>
    public static (byte[] Master, string Description) Apply(byte[] master, MasterDefect defect, IReadOnlySet<string> paidRefs)
    {
        ArgumentNullException.ThrowIfNull(master);
        ArgumentNullException.ThrowIfNull(paidRefs);
        var count = master.Length / Len;
        if (count < 3) throw new InvalidOperationException("the master needs at least 3 records to be damaged");
        var data = master[..(count * Len)];
        var items = Enumerable.Range(0, count).Select(i => MasterItem.Parse(data.AsSpan(i * Len, Len))).ToList();
        int Pick(Func<MasterItem, bool> want, string what)
        {
            for (var i = 0; i < count; i++) if (want(items[i])) return i;
            throw new InvalidOperationException("no record in the master for the defect: " + what);
        }
        bool OpenA(MasterItem m) => m.ItemType == 'A' && m.Status is 'O' or 'P' && m.Balance > 0;
        switch (defect)
        {
            case MasterDefect.Truncated:
                return (data[..^40], $"last record (record {count}) cut to {Len - 40} bytes");
            case MasterDefect.OutOfSequence:
            {
                var i = count / 2;
                var a = data.AsSpan(i * Len, Len).ToArray();
                data.AsSpan((i + 1) * Len, Len).CopyTo(data.AsSpan(i * Len));
                a.CopyTo(data.AsSpan((i + 1) * Len));
                return (data, $"records {i + 1} and {i + 2} swapped (key {items[i].RefKey}/{items[i].ItemType} after {items[i + 1].RefKey}/{items[i + 1].ItemType})");
            }
            case MasterDefect.ItemType:
            {
                var i = Pick(m => OpenA(m) && paidRefs.Contains(m.RefKey), "a paid open receivable");
                data[(i * Len) + 17] = (byte)'X';
                return (data, $"record {i + 1} ({items[i].RefKey}) item type X");
            }
            case MasterDefect.BadPacked:
            {
                var i = Pick(m => OpenA(m) && paidRefs.Contains(m.RefKey), "a paid open receivable");
                var j = Pick(m => OpenA(m) && paidRefs.Contains(m.RefKey) && m.RefKey != items[i].RefKey, "a second paid open receivable");
                new byte[] { 0x12, 0x34, 0x5A, 0xBC, 0xDE, 0xF0, 0x1F }.CopyTo(data.AsSpan((i * Len) + 122));
                data.AsSpan((j * Len) + 108, 7).Fill((byte)' ');
                return (data, $"record {i + 1} ({items[i].RefKey}) balance X'12345ABCDEF01F'; record {j + 1} ({items[j].RefKey}) amount paid blanks");
            }
            case MasterDefect.BadDates:
            {
                var unpaid = items.Select((m, k) => (m, k)).Where(x => x.m.ItemType == 'A' && !paidRefs.Contains(x.m.RefKey)).Select(x => x.k).ToList();
                if (unpaid.Count < 2) throw new InvalidOperationException("the bad-dates defect needs two receivables nobody pays today");
                int a = unpaid[0], b = unpaid[1];
                Text(data, a, 41, "2026X302");    // open date
                Text(data, a, 35, "2026AB");      // period
                Text(data, a, 73, "        ");    // last payment date
                Text(data, b, 18, "B");           // billed: CLV400 does not look at its due date again
                Text(data, b, 49, "00000000");    // statement date
                Text(data, b, 57, "20261399");    // due date
                return (data, $"record {a + 1} ({items[a].RefKey}) open date 2026X302, period 2026AB, last payment blanks; record {b + 1} ({items[b].RefKey}) status B, statement date 00000000, due date 20261399");
            }
            case MasterDefect.DueBeforeRateTable:
            {
                // billed at the end of the day when nobody pays it, else its payment is late: interest from 2022-09-02 either way
                var unpaid = items.FindIndex(m => OpenA(m) && !paidRefs.Contains(m.RefKey));
                var i = unpaid >= 0 ? unpaid : Pick(OpenA, "an open receivable");
                Text(data, i, 57, "20220901");
                return (data, $"record {i + 1} ({items[i].RefKey}, {(unpaid >= 0 ? "not paid today" : "paid today")}) due date 20220901 (INTRATE starts 20221001)");
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }
    }

    /// <summary>Reference keys (type + reference) a PAYMENTS file pays (whole records only).</summary>
    public static HashSet<string> PaidReferences(string paymentsPath)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(paymentsPath)) return set;
        var data = File.ReadAllBytes(paymentsPath);
        for (var off = 0; off + EntryRecords.PaymentLength <= data.Length; off += EntryRecords.PaymentLength)
            set.Add((char)data[off + 13] + Encoding.ASCII.GetString(data, off + 14, 16).TrimEnd());
        return set;
    }

    private static void Text(byte[] data, int record, int offset, string value) =>
        Encoding.ASCII.GetBytes(value, data.AsSpan((record * Len) + offset, value.Length));
}
