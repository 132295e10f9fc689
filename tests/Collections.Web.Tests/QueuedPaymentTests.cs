using Collections.Batch.Suspense;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Web.Tests;

/// <summary>A payment re-applied from suspense, as the PAYREC record the next day's CLV400 reads.</summary>
public sealed class QueuedPaymentTests
{
    [Fact]
    public void Reapply_RecordDecodesToTheSamePayment_ToTheStatement()
    {
        using var _ = HostileCulture.Enter();
        var (record, refusal) = QueuedPayment.Reapply("PAY000000123", "K", 1234567, "20260302", "P260312359788700");
        refusal.Should().BeNull();
        record!.Length.Should().Be(50);
        var p = PaymentRecord.Decode(record);
        p.PaymentId.Should().Be("PAY000000123");
        p.Method.Should().Be('K');
        p.RefType.Should().Be('S');
        p.Reference.Should().Be("P260312359788700");
        p.Amount.Unscaled.Should().Be(1234567);
        p.DateReceived.GetInt().Should().Be(20260302);
        record.AsSpan(45, 5).ToArray().Should().Equal("     "u8.ToArray(), "FILLER is spaces");
    }

    [Fact]
    public void Reapply_ShortReference_LeftJustifiedSpacePadded()
    {
        var (record, _) = QueuedPayment.Reapply("P1", "D", 1, "20260302", "ABC34277758");
        System.Text.Encoding.Latin1.GetString(record!, 0, 30).Should().Be("P1          DSABC34277758     ");
    }

    [Theory]
    [InlineData("X", 100, "20260302", "S1", "not D, C or K")]
    [InlineData("D", 0, "20260302", "S1", "not positive")]
    [InlineData("D", -5, "20260302", "S1", "not positive")]
    [InlineData("D", 100, "20260230", "S1", "not a valid date")]
    [InlineData("D", 100, "2026030A", "S1", "not a valid date")]
    [InlineData("D", 100, "20260302", "  ", "1 to 16 characters")]
    [InlineData("D", 100, "20260302", "P2603123597887001", "1 to 16 characters")]
    public void Reapply_WhatWouldGoToSuspenseAgain_Refused(string method, long cents, string date, string statement, string message)
    {
        var (record, refusal) = QueuedPayment.Reapply("P1", method, cents, date, statement);
        record.Should().BeNull();
        refusal.Should().Contain(message);
    }
}
