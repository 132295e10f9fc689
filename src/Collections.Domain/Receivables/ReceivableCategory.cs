using Collections.Domain.Values;

namespace Collections.Domain.Receivables;

/// <summary>
/// The 13 revenue categories of a receivable, in the order of the legacy's category table (STMTHDR SH-CATEGORY-AMT,
/// CLV300 SR-CATEGORY-AMT): DTY 301 232 IEP 122 O99 ADD CVD 499 311 500 501 056.
/// </summary>
public enum ReceivableCategory
{
    /// <summary>DTY: ordinary customs duty (ECT-DUTY-AMT).</summary>
    Duty = 0,

    /// <summary>301: Section 301 duties (ECT-S301-AMT).</summary>
    Section301 = 1,

    /// <summary>232: Section 232 duties (ECT-S232-AMT).</summary>
    Section232 = 2,

    /// <summary>IEP: IEEPA duties (ECT-IEEPA-AMT).</summary>
    Ieepa = 3,

    /// <summary>122: Section 122 duties (ECT-S122-AMT).</summary>
    Section122 = 4,

    /// <summary>O99: other Chapter 99 duties (ECT-OTH99-AMT).</summary>
    OtherChapter99 = 5,

    /// <summary>ADD: antidumping deposits (ECT-ADD-AMT).</summary>
    Antidumping = 6,

    /// <summary>CVD: countervailing deposits (ECT-CVD-AMT).</summary>
    Countervailing = 7,

    /// <summary>499: merchandise processing fee.</summary>
    Mpf = 8,

    /// <summary>311: informal entry fee.</summary>
    InformalEntryFee = 9,

    /// <summary>500: manual entry surcharge.</summary>
    ManualSurcharge = 10,

    /// <summary>501: harbor maintenance fee.</summary>
    HarborMaintenanceFee = 11,

    /// <summary>056: cotton fee.</summary>
    CottonFee = 12,
}

/// <summary>
/// One amount in cents per <see cref="ReceivableCategory"/> (the 13 PIC S9(11)V99 amounts of a statement header or
/// of one entry's receivable). Immutable; equality is amount by amount. Default value: every category zero.
/// </summary>
public readonly struct CategoryAmounts : IEquatable<CategoryAmounts>
{
    /// <summary>Number of categories (OCCURS 13 TIMES).</summary>
    public const int Count = 13;

    private static readonly long[] Zeros = new long[Count];
    private readonly long[]? _cents;   // null: every category zero

    private CategoryAmounts(long[] cents) => _cents = cents;

    /// <summary>Every category zero (also the default value).</summary>
    public static CategoryAmounts Zero => default;

    /// <summary>Amounts from 13 values in cents, in <see cref="ReceivableCategory"/> order.</summary>
    public static CategoryAmounts FromCents(ReadOnlySpan<long> cents)
    {
        if (cents.Length != Count) throw new ArgumentException($"{Count} category amounts expected, got {cents.Length}", nameof(cents));
        return new CategoryAmounts(cents.ToArray());
    }

    /// <summary>The amount of a category.</summary>
    public Money this[ReceivableCategory category] => Money.FromCents(CentsOf(category));

    /// <summary>The amount of a category in cents.</summary>
    public long CentsOf(ReceivableCategory category)
    {
        var i = (int)category;
        if ((uint)i >= Count) throw new ArgumentOutOfRangeException(nameof(category), category, "not a receivable category");
        return (_cents ?? Zeros)[i];
    }

    /// <summary>The 13 amounts in cents, in category order.</summary>
    public ReadOnlySpan<long> AsSpan() => _cents ?? Zeros;

    /// <summary>Copies the 13 amounts in cents to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<long> destination) => AsSpan().CopyTo(destination);

    public bool Equals(CategoryAmounts other) => AsSpan().SequenceEqual(other.AsSpan());
    public override bool Equals(object? obj) => obj is CategoryAmounts other && Equals(other);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var c in AsSpan()) h.Add(c);
        return h.ToHashCode();
    }

    public static bool operator ==(CategoryAmounts a, CategoryAmounts b) => a.Equals(b);
    public static bool operator !=(CategoryAmounts a, CategoryAmounts b) => !a.Equals(b);

    /// <summary>Invariant text: the 13 amounts with two decimals, separated by spaces.</summary>
    public override string ToString()
    {
        var parts = new string[Count];
        var cents = AsSpan();
        for (var i = 0; i < Count; i++) parts[i] = Money.FromCents(cents[i]).ToString();
        return string.Join(' ', parts);
    }
}
