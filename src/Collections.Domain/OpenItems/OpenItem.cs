using Collections.Cobol.Numerics;

namespace Collections.Domain.OpenItems;

/// <summary>
/// One item of the open item master (the legacy's OPENITEM record, CLV400's WA-RECORD / WR-RECORD): the receivable
/// (item type A) or the refund due to the payer (item type R) of one reference. Mutable, as the legacy updates its
/// work record in place.
/// <para>
/// Each field holds exactly what the legacy holds, including what damaged input leaves there: text as one char per
/// byte, PIC 9 fields as <see cref="DisplayNumber"/>, COMP-3 amounts as <see cref="PackedNumber"/>. The rules read
/// them as GnuCOBOL does (lenient values in arithmetic, byte order for date comparisons), and a field the rules do not
/// assign keeps its original bytes, so a damaged item reaches the new master as it came (the legacy's
/// MOVE OM-RECORD TO WA-RECORD ... MOVE WA-RECORD TO NM-RECORD). On clean data every field is an ordinary value.
/// </para>
/// </summary>
public sealed class OpenItem
{
    /// <summary>Reference type: E single-pay entry, S statement.</summary>
    public char RefType { get; set; } = ' ';

    /// <summary>Entry or statement number (16 characters, left justified).</summary>
    public string Reference { get; set; } = OpenItemText.Blank(16);

    /// <summary><see cref="OpenItemCodes.Receivable"/> or <see cref="OpenItemCodes.Refund"/>.</summary>
    public char ItemType { get; set; } = ' ';

    /// <summary>O open, P part paid, B billed, C closed, R refund due.</summary>
    public char Status { get; set; } = ' ';

    /// <summary>Statement type of the receivable (PIC 9): 1 single pay, 2 daily statement, 6/7 PMS.</summary>
    public DisplayNumber StatementType { get; set; } = Defaults.Zero1;

    public string FilerCode { get; set; } = OpenItemText.Blank(3);

    public string ImporterNumber { get; set; } = OpenItemText.Blank(12);

    /// <summary>PMS period CCYYMM (PIC 9(06)).</summary>
    public DisplayNumber Period { get; set; } = Defaults.Zero6;

    public DisplayNumber OpenDate { get; set; } = Defaults.Zero;
    public DisplayNumber StatementDate { get; set; } = Defaults.Zero;
    public DisplayNumber DueDate { get; set; } = Defaults.Zero;
    public DisplayNumber BillDate { get; set; } = Defaults.Zero;
    public DisplayNumber LastPaymentDate { get; set; } = Defaults.Zero;
    public DisplayNumber LastActivityDate { get; set; } = Defaults.Zero;

    /// <summary>Entries in the receivable (PIC 9(05)).</summary>
    public DisplayNumber EntryCount { get; set; } = Defaults.Zero5;

    public PackedNumber AmountAssessed { get; set; } = Defaults.Amount;
    public PackedNumber AmountInterest { get; set; } = Defaults.Amount;
    public PackedNumber AmountPaid { get; set; } = Defaults.Amount;
    public PackedNumber AmountRefund { get; set; } = Defaults.Amount;

    /// <summary>Amount still owed (negative for a refund item).</summary>
    public PackedNumber Balance { get; set; } = Defaults.Amount;

    /// <summary>REF TYPE + REFERENCE: the 17 characters the master is matched on.</summary>
    public string RefKey => RefType + Reference;

    public bool IsReceivable => ItemType == OpenItemCodes.Receivable;
    public bool IsRefund => ItemType == OpenItemCodes.Refund;
    public bool IsClosed => Status == OpenItemCodes.Closed;
    public bool IsBilled => Status == OpenItemCodes.Billed;

    /// <summary>A copy of every field.</summary>
    public OpenItem Clone() => (OpenItem)MemberwiseClone();

    private static class Defaults
    {
        public static readonly DisplayNumber Zero = DisplayNumber.FromValue(0, 8);
        public static readonly DisplayNumber Zero6 = DisplayNumber.FromValue(0, 6);
        public static readonly DisplayNumber Zero5 = DisplayNumber.FromValue(0, 5);
        public static readonly DisplayNumber Zero1 = DisplayNumber.FromValue(0, 1);
        public static readonly PackedNumber Amount = PackedNumber.Zero(OpenItemPictures.Amount);
    }
}

/// <summary>The codes of the open item master (copybook OPENITEM).</summary>
public static class OpenItemCodes
{
    /// <summary>Item type A: the receivable.</summary>
    public const char Receivable = 'A';

    /// <summary>Item type R: the refund due to the payer (negative balance).</summary>
    public const char Refund = 'R';

    public const char Open = 'O', PartPaid = 'P', Billed = 'B', Closed = 'C', RefundDue = 'R';
}

/// <summary>The numeric PICTUREs of the open item update.</summary>
public static class OpenItemPictures
{
    /// <summary>PIC S9(11)V99 COMP-3: every amount of OPENITEM, STMTHDR, PAYREC, LEDGER and the payment work fields.</summary>
    public static readonly NumericPic Amount = new(13, 2, true);

    /// <summary>PIC S9(09)V99 COMP-3: WS-INTEREST-AMT.</summary>
    public static readonly NumericPic Interest = new(11, 2, true);

    /// <summary>PIC S9(15)V99 COMP-3: the run totals (WS-TOT-...).</summary>
    public static readonly NumericPic Total = new(17, 2, true);
}

/// <summary>Fixed-width text as the legacy holds it (one char per byte).</summary>
public static class OpenItemText
{
    /// <summary><paramref name="length"/> spaces.</summary>
    public static string Blank(int length) => length < Blanks.Length ? Blanks[length] : new(' ', length);

    // strings are immutable: one instance per width serves every new item (an OpenItem is created per master record)
    private static readonly string[] Blanks = [.. Enumerable.Range(0, 33).Select(n => new string(' ', n))];

    /// <summary>True when every char is a space.</summary>
    public static bool IsBlank(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text) if (c != ' ') return false;
        return true;
    }
}
