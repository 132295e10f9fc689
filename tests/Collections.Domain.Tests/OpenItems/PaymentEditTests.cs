using System.Text;
using Collections.Cobol.Numerics;
using Collections.Domain.OpenItems;

namespace Collections.Domain.Tests.OpenItems;

public class PaymentEditTests
{
    private static readonly DisplayNumber RunDate = DisplayNumber.FromValue(20260303, 8);

    internal static PaymentInput Valid(long cents = 100_00, string date = "20260302", char method = 'D', char refType = 'S', string reference = "S26030300001", bool isShort = false) => new()
    {
        PaymentId = "P00000000001",
        Method = method,
        RefType = refType,
        Reference = reference.PadRight(16),
        Amount = PackedNumber.FromUnscaled(cents, OpenItemPictures.Amount),
        DateReceived = DisplayNumber.FromBytes(Encoding.Latin1.GetBytes(date)),
        IsShortRecord = isShort,
    };

    [Fact]
    public void Reason_ValidPayment_IsNull() => PaymentEdit.Reason(Valid(), RunDate).Should().BeNull();

    [Theory]
    [InlineData('D')]
    [InlineData('C')]
    [InlineData('K')]
    public void Reason_EachValidMethod_IsAccepted(char method) => PaymentEdit.Reason(Valid(method: method), RunDate).Should().BeNull();

    [Theory]
    [InlineData('S')]
    [InlineData('E')]
    public void Reason_EachValidReferenceType_IsAccepted(char refType) => PaymentEdit.Reason(Valid(refType: refType), RunDate).Should().BeNull();

    [Fact]
    public void Reason_ShortRecord_ComesFirst() =>
        PaymentEdit.Reason(Valid(method: 'X', refType: 'Z', reference: "", cents: -1, date: "XXXXXXXX", isShort: true), RunDate).Should().Be("S006");

    [Fact]
    public void Reason_BadMethod_BeforeBadReferenceType() => PaymentEdit.Reason(Valid(method: 'd', refType: 'Z'), RunDate).Should().Be("S003");

    [Fact]
    public void Reason_BadReferenceType_BeforeBlankReference() => PaymentEdit.Reason(Valid(refType: 'e', reference: ""), RunDate).Should().Be("S002");

    [Fact]
    public void Reason_BlankReference_BeforeBadAmount() => PaymentEdit.Reason(Valid(reference: "", cents: 0), RunDate).Should().Be("S007");

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Reason_AmountNotAboveZero_IsS004(long cents) => PaymentEdit.Reason(Valid(cents: cents, date: "XXXXXXXX"), RunDate).Should().Be("S004");

    [Fact]
    public void Reason_OneCent_IsAccepted() => PaymentEdit.Reason(Valid(cents: 1), RunDate).Should().BeNull();

    [Fact]
    public void Reason_AmountNotNumeric_IsS004()
    {
        var p = Valid();
        var bytes = p.Amount.ToArray();
        bytes[0] = 0xA0;
        PaymentEdit.Reason(new PaymentInput
        {
            PaymentId = p.PaymentId, Method = p.Method, RefType = p.RefType, Reference = p.Reference,
            Amount = PackedNumber.FromBytes(bytes, OpenItemPictures.Amount), DateReceived = p.DateReceived,
        }, RunDate).Should().Be("S004");
    }

    [Theory]
    [InlineData("20260303", null)]      // the run date itself
    [InlineData("20260304", "S005")]    // after the run date
    [InlineData("20260229", "S005")]    // not a leap year
    [InlineData("20240229", null)]      // leap year
    [InlineData("20000229", null)]      // divisible by 400
    [InlineData("19000229", "S005")]    // before 1990 anyway
    [InlineData("19900101", null)]
    [InlineData("19891231", "S005")]
    [InlineData("20261301", "S005")]
    [InlineData("20260001", "S005")]
    [InlineData("20260100", "S005")]
    [InlineData("20260131", null)]
    [InlineData("20260431", "S005")]
    [InlineData("2026030 ", "S005")]
    public void Reason_DateReceived(string date, string? expected) =>
        PaymentEdit.Reason(Valid(date: date), RunDate).Should().Be(expected);

    [Fact]
    public void IsValidDate_UpperYearBound()
    {
        PaymentEdit.IsValidDate(DisplayNumber.FromValue(20991231, 8)).Should().BeTrue();
        PaymentEdit.IsValidDate(DisplayNumber.FromValue(21000101, 8)).Should().BeFalse();
        PaymentEdit.IsValidDate(DisplayNumber.FromValue(2026030, 7)).Should().BeFalse();
    }

    [Theory]
    [InlineData("S001", "NO OPEN ITEM FOR REFERENCE")]
    [InlineData("S002", "REFERENCE TYPE NOT E OR S")]
    [InlineData("S003", "PAYMENT METHOD NOT D, C OR K")]
    [InlineData("S004", "PAYMENT AMOUNT INVALID")]
    [InlineData("S005", "DATE RECEIVED INVALID")]
    [InlineData("S006", "SHORT PAYMENT RECORD")]
    [InlineData("S007", "REFERENCE MISSING")]
    [InlineData("S008", "UNDEFINED REASON")]
    public void Message_ByReasonCode(string code, string message) => SuspenseReasons.Message(code).Should().Be(message);
}
