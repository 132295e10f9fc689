using Collections.Cobol.Copybooks;
using Collections.Legacy.Clv200;
using Collections.Legacy.Records;
using Collections.Testing;

namespace Collections.Legacy.Tests.Records;

/// <summary>
/// The legacy's copybooks are embedded once, in Collections.Legacy, equal to the legacy's own; the record offsets this
/// assembly writes and reads by are the copybooks' (laid out by the toolkit as cobc lays them out).
/// </summary>
public class LegacyCopybooksTests
{
    private static string LegacyFolder => Path.Combine(RepoPaths.LegacyHome, "copybooks");

    [Fact]
    public void Names_EveryLegacyCopybook_EmbeddedAndNothingElse() =>
        LegacyCopybooks.Names.Should().Equal(Directory.GetFiles(LegacyFolder, "*.cpy").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Fact]
    public void Text_EveryCopybook_IdenticalToTheLegacys()
    {
        foreach (var name in LegacyCopybooks.Names)
            LegacyCopybooks.Text(name).Should().Be(File.ReadAllText(Path.Combine(LegacyFolder, name), System.Text.Encoding.Latin1), name);
        LegacyCopybooks.Text("NOSUCH.cpy").Should().BeNull();
    }

    private static LayoutField Field(string copybook, string name) =>
        CopybookLayout.Compute(CopybookParser.Parse(LegacyCopybooks.Text(copybook)!, copybook)).Find(name)
        ?? throw new KeyNotFoundException(name);

    public static TheoryData<string, int, int> LinecalcOffsets => new()
    {
        { "LC-ENTRY-NO", LinecalcLayout.EntryNo, 0 }, { "LC-LINE-NO", LinecalcLayout.LineNo, 0 }, { "LC-LINE-STATUS", LinecalcLayout.Status, 0 },
        { "LC-REASON-CODE", LinecalcLayout.Reason, 0 }, { "LC-ENTRY-TYPE", LinecalcLayout.EntryType, 0 }, { "LC-IMPORTER-NO", LinecalcLayout.ImporterNo, 0 },
        { "LC-PORT-CODE", LinecalcLayout.PortCode, 0 }, { "LC-ENTRY-DATE", LinecalcLayout.EntryDate, 0 }, { "LC-TRANSPORT-MODE", LinecalcLayout.TransportMode, 0 },
        { "LC-PAYMENT-TYPE", LinecalcLayout.PaymentType, 0 }, { "LC-STMT-DATE", LinecalcLayout.StatementDate, 0 }, { "LC-MANUAL-FLAG", LinecalcLayout.ManualFlag, 0 },
        { "LC-CURRENCY-CODE", LinecalcLayout.Currency, 0 }, { "LC-EXCHANGE-RATE", LinecalcLayout.ExchangeRate, 0 }, { "LC-RATE-SOURCE", LinecalcLayout.RateSource, 0 },
        { "LC-HTS-NO", LinecalcLayout.HtsNo, 0 }, { "LC-ORIGIN-COUNTRY", LinecalcLayout.Origin, 0 }, { "LC-SPI-CODE", LinecalcLayout.Spi, 0 },
        { "LC-FOREIGN-VALUE", LinecalcLayout.ForeignValue, 0 }, { "LC-USD-VALUE", LinecalcLayout.UsdValue, 0 }, { "LC-NET-QUANTITY", LinecalcLayout.NetQuantity, 0 },
        { "LC-QUANTITY-UNIT", LinecalcLayout.QuantityUnit, 0 }, { "LC-NET-KG", LinecalcLayout.NetKg, 0 }, { "LC-RATE-TYPE", LinecalcLayout.RateType, 0 },
        { "LC-ADVAL-RATE", LinecalcLayout.AdValoremRate, 0 }, { "LC-SPECIFIC-RATE", LinecalcLayout.SpecificRate, 0 }, { "LC-SPI-FREE-FLAG", LinecalcLayout.SpiFree, 0 },
        { "LC-DUTY-AMT", LinecalcLayout.Duty, 0 }, { "LC-CH99-DATA", LinecalcLayout.Ch99, LinecalcLayout.Ch99Size },
        { "LC-ADCVD-CASE-NO", LinecalcLayout.AdcvdCaseNo, 0 }, { "LC-ADCVD-TYPE", LinecalcLayout.AdcvdType, 0 }, { "LC-ADCVD-AMT", LinecalcLayout.AdcvdAmount, 0 },
        { "LC-RAW-MPF", LinecalcLayout.RawMpf, 0 }, { "LC-COTTON-FEE", LinecalcLayout.CottonFee, 0 }, { "LC-INPUT-REC-NO", LinecalcLayout.InputRecordNo, 0 },
    };

    /// <summary>Offset (and, for the Chapter 99 slot, length) of every LINECALC field the ports address.</summary>
    [Theory]
    [MemberData(nameof(LinecalcOffsets))]
    public void LinecalcLayout_Offset_AsTheCopybook(string field, int offset, int length)
    {
        var f = Field("LINECALC.cpy", field);
        f.Offset.Should().Be(offset);
        if (length > 0) f.Length.Should().Be(length);
    }

    [Fact]
    public void LinecalcLayout_Chapter99SlotAndRecord_AsTheCopybook()
    {
        var slot = Field("LINECALC.cpy", "LC-CH99-DATA").Offset;
        Field("LINECALC.cpy", "LC-CH99-NO").Offset.Should().Be(slot + LinecalcLayout.Ch99No);
        Field("LINECALC.cpy", "LC-CH99-REV-CLASS").Offset.Should().Be(slot + LinecalcLayout.Ch99RevClass);
        Field("LINECALC.cpy", "LC-CH99-RATE").Offset.Should().Be(slot + LinecalcLayout.Ch99Rate);
        Field("LINECALC.cpy", "LC-CH99-APPLIED").Offset.Should().Be(slot + LinecalcLayout.Ch99Applied);
        Field("LINECALC.cpy", "LC-CH99-AMT").Offset.Should().Be(slot + LinecalcLayout.Ch99Amount);
        Field("LINECALC.cpy", "LINECALC-RECORD").Length.Should().Be(LinecalcLayout.RecordLength);
    }

    public static TheoryData<string, int> EntryRecordOffsets => new()
    {
        { "EH-ENTRY-NO", EntryRecordLayout.EntryNo }, { "EH-ENTRY-TYPE", EntryRecordLayout.EntryType }, { "EH-IMPORTER-NO", EntryRecordLayout.ImporterNo },
        { "EH-PORT-CODE", EntryRecordLayout.PortCode }, { "EH-ENTRY-DATE", EntryRecordLayout.EntryDate }, { "EH-EXPORT-DATE", EntryRecordLayout.ExportDate },
        { "EH-TRANSPORT-MODE", EntryRecordLayout.TransportMode }, { "EH-PAYMENT-TYPE", EntryRecordLayout.PaymentType }, { "EH-STMT-DATE", EntryRecordLayout.StatementDate },
        { "EH-CURRENCY-CODE", EntryRecordLayout.Currency }, { "EH-MANUAL-FLAG", EntryRecordLayout.ManualFlag }, { "EH-LINE-COUNT", EntryRecordLayout.LineCount },
        { "EL-ENTRY-NO", EntryRecordLayout.LineEntryNo }, { "EL-LINE-NO", EntryRecordLayout.LineNo }, { "EL-HTS-NO", EntryRecordLayout.HtsNo },
        { "EL-ORIGIN-COUNTRY", EntryRecordLayout.Origin }, { "EL-SPI-CODE", EntryRecordLayout.Spi }, { "EL-FOREIGN-VALUE", EntryRecordLayout.ForeignValue },
        { "EL-NET-QUANTITY", EntryRecordLayout.NetQuantity }, { "EL-QUANTITY-UNIT", EntryRecordLayout.QuantityUnit }, { "EL-NET-KG", EntryRecordLayout.NetKg },
        { "EL-CH99-COUNT", EntryRecordLayout.Ch99Count }, { "EL-CH99-NO", EntryRecordLayout.Ch99No }, { "EL-ADCVD-CASE-NO", EntryRecordLayout.AdcvdCaseNo },
        { "ET-RECORD-COUNT", EntryRecordLayout.TrailerRecordCount }, { "ET-ENTRY-COUNT", EntryRecordLayout.TrailerEntryCount },
        { "ET-VALUE-HASH", EntryRecordLayout.TrailerValueHash },
    };

    [Theory]
    [MemberData(nameof(EntryRecordOffsets))]
    public void EntryRecordLayout_Offset_AsTheCopybook(string field, int offset) => Field("ENTRYREC.cpy", field).Offset.Should().Be(offset);

    [Fact]
    public void EntcalcLayout_Lengths_AsTheCopybook()
    {
        var layout = CopybookLayout.Compute(CopybookParser.Parse(LegacyCopybooks.Text("ENTCALC.cpy")!, "ENTCALC.cpy"));
        layout.Find("ECT-FEE-TABLE")!.Offset.Should().Be(EntcalcLayout.EntryTotalFixedLength);
        layout.Find("ECT-FEE-TABLE")!.Length.Should().Be(EntcalcLayout.FeeLength);
        layout.Find("ECT-FEE-TABLE")!.OccursMax.Should().Be(EntcalcLayout.MaxFees);
        layout.Find("ENTCALC-TOTAL-RECORD")!.Length.Should().Be(EntcalcLayout.MaxRecordLength);
        layout.Find("ENTCALC-MPF-RECORD")!.Length.Should().Be(EntcalcLayout.MpfAllocationLength);
    }
}
