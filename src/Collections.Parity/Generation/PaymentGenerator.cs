using System.Globalization;
using System.Text;
using Collections.Cobol.Codecs;

namespace Collections.Parity.Generation;

/// <summary>An open receivable of the prior cycle (OPENITEM item type A with a balance due).</summary>
public sealed record OpenReceivable(char RefType, string Reference, char Status, long BalanceCents);

/// <summary>
/// Writes PAYMENTS (copybook PAYREC, RECFM=F 50): remittances against the prior cycle's open receivables
/// (PRIOR/OPENITEM; PRIOR/STMTOUT statements are included through the master), some exact, some partial, some
/// over, some to references that do not exist (suspense S001). With an invalid rate, also payments CLV400 puts to
/// suspense for their content (S002..S007). Without a prior cycle the file is written empty (a normal day).
/// </summary>
public sealed class PaymentGenerator
{
    private readonly DayGeneratorOptions _o;
    private readonly Prng _rng;
    private readonly Prng _defectRng;

    public PaymentGenerator(DayGeneratorOptions options, Prng rng, Prng defectRng)
    {
        _o = options ?? throw new ArgumentNullException(nameof(options));
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        _defectRng = defectRng ?? throw new ArgumentNullException(nameof(defectRng));
    }

    /// <summary>Reads the open receivables (item type A, balance &gt; 0, not closed) of an OPENITEM master.</summary>
    public static List<OpenReceivable> ReadOpenReceivables(string openItemPath)
    {
        var list = new List<OpenReceivable>();
        var data = File.ReadAllBytes(openItemPath);
        const int len = 150;
        for (var off = 0; off + len <= data.Length; off += len)
        {
            var rec = data.AsSpan(off, len);
            if (rec[17] != (byte)'A') continue;
            var status = (char)rec[18];
            if (status is 'C' or 'R') continue;
            if (!PackedDecimal.TryDecode(rec.Slice(122, 7), 13, signed: true, out var balance) || balance <= 0) continue;
            list.Add(new OpenReceivable((char)rec[0], Encoding.ASCII.GetString(rec.Slice(1, 16)).TrimEnd(), status, balance));
        }
        return list;
    }

    /// <summary>Statement references issued by the prior cycle (STMTOUT, RECFM=F 200).</summary>
    public static List<(char RefType, string Reference)> ReadStatements(string stmtOutPath)
    {
        var list = new List<(char, string)>();
        var data = File.ReadAllBytes(stmtOutPath);
        for (var off = 0; off + 200 <= data.Length; off += 200)
            list.Add(((char)data[off], Encoding.ASCII.GetString(data, off + 1, 16).TrimEnd()));
        return list;
    }

    /// <summary>Names of the payment scenarios written (<see cref="DayGeneratorOptions.PaymentScenarios"/>), for generation.json.</summary>
    public IReadOnlyList<string> Scenarios { get; private set; } = [];

    /// <summary>Each scenario payment's id and scenario, in PAYMENTS order (a repeated record is listed twice).</summary>
    public IReadOnlyList<(string PaymentId, string Scenario)> ScenarioPayments { get; private set; } = [];

    /// <summary>Writes PAYMENTS; returns the number of records. Suspense reason codes expected are added to <paramref name="expected"/>.</summary>
    public long Write(IDictionary<string, int> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var path = Path.Combine(_o.OutDir, "PAYMENTS");
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        if (_o.PaymentsFrom is null) return 0;
        var openItem = Path.Combine(_o.PaymentsFrom, "OPENITEM");
        if (!File.Exists(openItem)) throw new FileNotFoundException("prior cycle has no OPENITEM", openItem);
        var open = ReadOpenReceivables(openItem);
        // statements the prior cycle issued (STMTOUT) are paid more often than older items
        var stmtOut = Path.Combine(_o.PaymentsFrom, "STMTOUT");
        var issued = File.Exists(stmtOut)
            ? new HashSet<string>(ReadStatements(stmtOut).Select(s => s.RefType + s.Reference), StringComparer.Ordinal)
            : [];

        var rec = new byte[EntryRecords.PaymentLength];
        long n = 0;
        var yymmdd = LegacyDate.Format(_o.RunDate)[2..];
        string NextId() => ++n <= 99_999
            ? string.Create(CultureInfo.InvariantCulture, $"P{yymmdd}{n:D5}")
            : throw new InvalidDataException($"more than 99,999 payments (PAY-PAYMENT-ID is P + YYMMDD + 5 digits): pay fewer of the {open.Count:N0} open receivables (--pay-percent)");
        int PayDate() => _rng.Chance(7, 10) ? _o.RunDate : LegacyDate.AddDays(_o.RunDate, -_rng.Between(1, 3));
        char Method() => _rng.Pick(['D', 'C', 'K']);

        void Emit() => stream.Write(rec, 0, rec.Length);

        // crafted CLV400 scenarios first; the random payments below leave their items alone
        long repeats = 0;
        IReadOnlySet<string> used = new HashSet<string>(StringComparer.Ordinal);
        if (_o.PaymentScenarios)
        {
            var intrate = Path.Combine(_o.RefDir, "INTRATE.DAT");
            var scenarios = new PaymentScenarios(_o.RunDate, _rng, MasterItem.ReadAll(openItem),
                File.Exists(intrate) ? PaymentScenarios.RateChanges(intrate) : []);
            var lastId = "";
            var written = new List<(string, string)>();
            foreach (var p in scenarios.Plan())
            {
                var id = p.RepeatPrevious ? lastId : NextId();
                if (p.RepeatPrevious) repeats++;
                EntryRecords.WritePayment(rec, id, p.Method, p.RefType, p.Reference, p.Amount, p.DateReceived);
                Emit();
                written.Add((id, p.Scenario));
                lastId = id;
            }
            ScenarioPayments = written;
            foreach (var (code, count) in scenarios.ExpectedSuspense) expected[code] = (expected.TryGetValue(code, out var v) ? v : 0) + count;
            Scenarios = [.. scenarios.Names];
            used = scenarios.Used;
        }

        foreach (var item in open)
        {
            if (used.Contains(item.RefType + item.Reference)) continue;
            if (!_rng.Chance(_o.PayPercent ?? (issued.Contains(item.RefType + item.Reference) ? 85 : 50), 100)) continue;
            var balance = item.BalanceCents;
            long amount;
            var kind = _rng.PickWeighted([50, 25, 15, 10]);
            if (kind == 0) amount = balance;                                    // exact
            else if (kind == 1) amount = Math.Max(1, balance * _rng.Between(10, 90) / 100); // partial
            else if (kind == 2) amount = balance + _rng.Between(1L, 50_000L);       // over
            else
            {
                // two remittances that together settle the item
                var first = Math.Max(1, balance / 2);
                EntryRecords.WritePayment(rec, NextId(), Method(), item.RefType, item.Reference, first, PayDate());
                Emit();
                amount = balance - first;
                if (amount <= 0) continue;
            }
            EntryRecords.WritePayment(rec, NextId(), Method(), item.RefType, item.Reference, amount, PayDate());
            Emit();
        }

        // references nobody owes: suspense S001
        var unknown = Math.Max(1, open.Count / 20);
        for (var i = 0; i < unknown; i++)
        {
            var byEntry = _rng.Chance(1, 2);
            var reference = byEntry
                ? EntryNumber.Make("ZZ" + (char)('0' + _rng.Between(0, 9)), (int)_rng.Between(1L, 9_999_999L))
                : string.Create(CultureInfo.InvariantCulture, $"D{yymmdd}Z{_rng.Between(10, 99):D2}");
            EntryRecords.WritePayment(rec, NextId(), Method(), byEntry ? 'E' : 'S', reference, _rng.Between(100L, 2_000_000L), PayDate());
            Emit();
            Inc(expected, "S001");
        }

        // payments CLV400 rejects for their content
        if (_o.InvalidPpm > 0 && open.Count > 0)
        {
            string[] kinds = ["S002", "S003", "S004", "S005", "S007"];
            var count = Math.Max(kinds.Length, (int)Math.Min(10_000, (long)open.Count * _o.InvalidPpm / 1_000_000));
            for (var i = 0; i < count; i++)
            {
                var item = open[(int)_defectRng.Below(open.Count)];
                var code = kinds[i % kinds.Length];
                var method = Method();
                var refType = item.RefType;
                var reference = item.Reference;
                var amount = Math.Max(1, item.BalanceCents);
                var date = PayDate();
                switch (code)
                {
                    case "S002": refType = _defectRng.Pick(['Z', 'X', ' ']); break;
                    case "S003": method = _defectRng.Pick(['X', ' ', 'd']); break;
                    case "S007": reference = ""; break;
                    case "S005": date = _defectRng.Chance(1, 2) ? LegacyDate.AddDays(_o.RunDate, _defectRng.Between(1, 9)) : 20260230; break;
                }
                EntryRecords.WritePayment(rec, NextId(), method, refType, reference, amount, date);
                if (code == "S004")
                {
                    if (_defectRng.Chance(1, 2)) PackedDecimal.Encode(-amount, rec.AsSpan(30, 7), 13, signed: true);
                    else Encoding.ASCII.GetBytes("ABCDEFG", rec.AsSpan(30, 7));
                }
                Emit();
                Inc(expected, code);
            }
            // a short last record
            EntryRecords.WritePayment(rec, NextId(), Method(), open[0].RefType, open[0].Reference, 500, PayDate());
            stream.Write(rec, 0, 31);
            Inc(expected, "S006");
        }
        return n + repeats;
    }

    private static void Inc(IDictionary<string, int> d, string code) => d[code] = (d.TryGetValue(code, out var v) ? v : 0) + 1;
}
