using Collections.Domain.OpenItems;

namespace Collections.Legacy.Clv400;

/// <summary>
/// The SORT of CLV400's payments (SD PAY-SORT-FILE): RELEASE in the input procedure, RETURN in key order in the output
/// procedure, WITH DUPLICATES IN ORDER (equal keys keep their release order).
/// </summary>
public interface IPaymentSort : IDisposable
{
    /// <summary>RELEASE a record.</summary>
    void Release(Payment payment);

    /// <summary>RETURN: the records in key order (<see cref="OpenItemUpdate.ComparePayments"/>), stable.</summary>
    IEnumerable<Payment> Return();
}

/// <summary>An in-memory stable sort (a day's payments: 50,000 records are a few megabytes).</summary>
public sealed class InMemoryPaymentSort : IPaymentSort
{
    private readonly List<Payment> _records = [];

    public void Release(Payment payment) => _records.Add(payment ?? throw new ArgumentNullException(nameof(payment)));

    public IEnumerable<Payment> Return()
    {
        var indexed = new (Payment Payment, int Order)[_records.Count];
        for (var i = 0; i < indexed.Length; i++) indexed[i] = (_records[i], i);
        Array.Sort(indexed, static (a, b) =>
        {
            var c = OpenItemUpdate.ComparePayments(a.Payment, b.Payment);
            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });
        foreach (var (payment, _) in indexed) yield return payment;
    }

    public void Dispose() => _records.Clear();
}
