namespace Collections.Persistence.Entities;

/// <summary>
/// One version of a legacy reference table (TARIFF, FEES, ... as in ref/*.DAT), effective from a business date: a run
/// uses, per table, the version with the latest <see cref="EffectiveFrom"/> not after its business date. The rows
/// inside a table carry their own effective dates (tariff rates, fee schedules by fiscal year).
/// </summary>
public sealed class ReferenceTableVersion
{
    public long Id { get; set; }
    /// <summary>The data set name, e.g. "TARIFF.DAT".</summary>
    public string TableName { get; set; } = "";
    public DateOnly EffectiveFrom { get; set; }
    /// <summary>SHA-256 (lower-case hex) of the table's file bytes.</summary>
    public string Sha256 { get; set; } = "";
    public int RecordCount { get; set; }
    public string Source { get; set; } = "";
    public DateTime LoadedUtc { get; set; }
}

/// <summary>
/// One record of a reference table version, as the legacy file holds it (the line without its LF): the steps read
/// tables through the same loaders as the legacy port, so one implementation checks and parses each table contract.
/// </summary>
public sealed class ReferenceRecord
{
    public long VersionId { get; set; }
    public int RecordNo { get; set; }
    public byte[] Data { get; set; } = [];
}
