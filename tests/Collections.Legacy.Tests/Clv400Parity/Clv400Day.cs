using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;
using Collections.Legacy.Records;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>
/// Builds the inputs of a crafted CLV400 run: the control card, STMTOUT receivables, PAYMENTS, the old master and
/// (optionally) an interest table, as record files written with the typed records. Raw overrides let a test put
/// any bytes in a file (damaged records, short records, wrong lengths).
/// </summary>
public sealed class Clv400Day
{
    private readonly List<byte[]> _stmtout = [];
    private readonly List<byte[]> _payments = [];
    private readonly List<byte[]> _old = [];

    public Clv400Day(int runDate = 20260303) => RunDate = runDate;

    public int RunDate { get; }

    /// <summary>SYSIN content (default: the card for <see cref="RunDate"/>).</summary>
    public string? Sysin { get; set; }

    /// <summary>INTRATE content (null: the legacy's ref/INTRATE.DAT).</summary>
    public string? InterestTable { get; set; }

    /// <summary>False: no PAYMENTS file (OPTIONAL, absent).</summary>
    public bool HasPayments { get; set; } = true;

    /// <summary>False: no OLDMAST (the first day).</summary>
    public bool HasOldMaster { get; set; } = true;

    /// <summary>Bytes appended to PAYMENTS after the records (a short last record).</summary>
    public byte[] PaymentsTail { get; set; } = [];

    /// <summary>Bytes appended to OLDMAST after the records.</summary>
    public byte[] OldMasterTail { get; set; } = [];

    public static PackedNumber Amount(long cents) => PackedNumber.FromUnscaled(cents, OpenItemPictures.Amount);

    public static DisplayNumber Date(int ccyymmdd) => DisplayNumber.FromValue(ccyymmdd, 8);

    public static string Ref(string reference) => reference.PadRight(16);

    /// <summary>A receivable of <paramref name="categories"/> (cents by category index 0-12); the total is their sum unless given.</summary>
    public Clv400Day Receivable(char refType, string reference, int dueDate, IReadOnlyDictionary<int, long> categories, int entries = 1,
        long? total = null, char stmtType = '2', int stmtDate = 0, string filer = "F01", string importer = "IMP000000001", int period = 0)
    {
        var amounts = new PackedNumber[Domain.OpenItems.Receivable.CategoryCount];
        for (var i = 0; i < amounts.Length; i++) amounts[i] = Amount(categories.TryGetValue(i, out var c) ? c : 0);
        var r = new Domain.OpenItems.Receivable
        {
            RefType = refType,
            Reference = Ref(reference),
            StatementType = DisplayNumber.FromBytes([(byte)stmtType]),
            FilerCode = filer,
            ImporterNumber = importer,
            Period = DisplayNumber.FromValue(period, 6),
            StatementDate = Date(stmtDate == 0 ? RunDate : stmtDate),
            DueDate = Date(dueDate),
            RunDate = Date(RunDate),
            EntryCount = DisplayNumber.FromValue(entries, 5),
            CategoryAmounts = amounts,
            TotalAmount = Amount(total ?? categories.Values.Sum()),
        };
        var rec = new byte[StatementHeaderLayout.RecordLength];
        ReceivableRecord.Encode(r, rec);
        _stmtout.Add(rec);
        return this;
    }

    /// <summary>A receivable of one duty amount.</summary>
    public Clv400Day Receivable(string reference, long dutyCents, int dueDate, char refType = 'S') =>
        Receivable(refType, reference, dueDate, new Dictionary<int, long> { [0] = dutyCents });

    public Clv400Day Payment(string id, string reference, long cents, int received, char method = 'D', char refType = 'S')
    {
        var rec = new byte[PaymentLayout.RecordLength];
        PaymentRecord.Encode(new PaymentInput
        {
            PaymentId = id.PadRight(12), Method = method, RefType = refType, Reference = Ref(reference), Amount = Amount(cents), DateReceived = Date(received),
        }, rec);
        _payments.Add(rec);
        return this;
    }

    /// <summary>A payment record given as its 50 bytes.</summary>
    public Clv400Day PaymentRaw(byte[] record)
    {
        if (record.Length != PaymentLayout.RecordLength) throw new ArgumentException("50 bytes");
        _payments.Add(record);
        return this;
    }

    /// <summary>An old master item (balance = assessed + interest - paid unless given).</summary>
    public Clv400Day OldItem(string reference, char itemType, char status, long assessed, long paid, int dueDate, long? balance = null,
        long interest = 0, long refund = 0, char refType = 'S', int billDate = 0, int openDate = 20260201, int entries = 1)
    {
        var item = new OpenItem
        {
            RefType = refType,
            Reference = Ref(reference),
            ItemType = itemType,
            Status = status,
            StatementType = DisplayNumber.FromBytes("2"u8),
            FilerCode = "F01",
            ImporterNumber = "IMP000000001",
            OpenDate = Date(openDate),
            StatementDate = Date(openDate),
            DueDate = Date(dueDate),
            BillDate = Date(billDate),
            LastActivityDate = Date(openDate),
            EntryCount = DisplayNumber.FromValue(entries, 5),
            AmountAssessed = Amount(assessed),
            AmountInterest = Amount(interest),
            AmountPaid = Amount(paid),
            AmountRefund = Amount(refund),
            Balance = Amount(balance ?? (assessed + interest - paid)),
        };
        _old.Add(OpenItemRecord.ToNewRecord(item));
        return this;
    }

    /// <summary>An old master record given as its 150 bytes.</summary>
    public Clv400Day OldRaw(byte[] record)
    {
        if (record.Length != OpenItemLayout.RecordLength) throw new ArgumentException("150 bytes");
        _old.Add(record);
        return this;
    }

    /// <summary>The last old master record added (to damage it in place).</summary>
    public byte[] LastOld => _old[^1];

    /// <summary>The last payment record added.</summary>
    public byte[] LastPayment => _payments[^1];

    public IReadOnlyDictionary<string, byte[]?> Files() => new Dictionary<string, byte[]?>
    {
        ["SYSIN"] = Encoding.Latin1.GetBytes(Sysin ?? $"RUNDATE={RunDate}\n"),
        ["STMTOUT"] = _stmtout.SelectMany(r => r).ToArray(),
        ["PAYMENTS"] = HasPayments ? _payments.SelectMany(r => r).Concat(PaymentsTail).ToArray() : null,
        ["OLDMAST"] = HasOldMaster ? _old.SelectMany(r => r).Concat(OldMasterTail).ToArray() : null,
        ["INTRATE"] = InterestTable is null ? null : Encoding.Latin1.GetBytes(InterestTable),
    };
}
