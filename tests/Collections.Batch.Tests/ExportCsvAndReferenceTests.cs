using Collections.Batch.Cycle;
using Collections.Batch.Export;
using Collections.Legacy.RefData;
using Collections.Persistence;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Tests;

public sealed class ExportCsvTests
{
    [Theory]
    [InlineData("entries")]
    [InlineData("lines")]
    public async Task ExportCsv_HeaderInvariantDollars_OneRowPerRecord(string what)
    {
        using var dir = new TempDir("db-csv");
        var options = TestDatabases.Sqlite(dir);
        var (_, final) = await TestDatabases.RunDayAsync(options, new DateOnly(2026, 3, 2), Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "input"));
        var path = Path.Combine(dir.Path, what + ".csv");
        long rows;
        using (HostileCulture.Enter())
            rows = await CsvExport.WriteAsync(options, final!.Run.Id, what, path);
        var lines = File.ReadAllLines(path);
        await using var db = options.CreateContext();
        var expected = what == "entries" ? await db.EntryResults.CountAsync() : await db.LineResults.CountAsync();
        rows.Should().Be(expected);
        lines.Should().HaveCount(expected + 1);
        lines[0].Should().StartWith("entry_no,");
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, what == "entries" ? "total_assessed" : "duty");
        var sum = lines.Skip(1).Sum(l => decimal.Parse(l.Split(',')[column], System.Globalization.CultureInfo.InvariantCulture));
        var cents = what == "entries" ? await db.EntryTotals.SumAsync(t => t.TotalAssessedCents) : await db.LineResults.SumAsync(l => l.DutyCents);
        sum.Should().Be(cents / 100m, "cents are written as exact decimal dollars with a point, whatever the culture");
    }
}

public sealed class ReferenceVersionTests
{
    [Fact]
    public async Task LoadRef_NewVersionEffectiveFromADate_RunsBeforeKeepTheOldOne()
    {
        using var dir = new TempDir("db-ref");
        var options = TestDatabases.Sqlite(dir);
        await Database.MigrateAsync(options);
        await ReferenceLibrary.EnsureLoadedAsync(options, TimeProvider.System);
        var changed = Path.Combine(dir.Path, "ref");
        Directory.CreateDirectory(changed);
        var fees = ShippedReferenceLibrary.Read("FEES.DAT");
        File.WriteAllBytes(Path.Combine(changed, "FEES.DAT"), fees);
        var loaded = await ReferenceLibrary.LoadAsync(options, changed, new DateOnly(2026, 3, 3), TimeProvider.System);
        loaded.Should().ContainSingle().Which.Loaded.Should().BeFalse("a table equal to the one in force is not loaded again");
        fees[^2] = (byte)(fees[^2] == (byte)'X' ? 'Y' : 'X');   // the last record's last character: another version
        File.WriteAllBytes(Path.Combine(changed, "FEES.DAT"), fees);
        (await ReferenceLibrary.LoadAsync(options, changed, new DateOnly(2026, 3, 3), TimeProvider.System)).Should().ContainSingle().Which.Loaded.Should().BeTrue();
        await using var db = options.CreateContext();
        var before = await ReferenceLibrary.InForceAsync(db, new DateOnly(2026, 3, 2));
        var after = await ReferenceLibrary.InForceAsync(db, new DateOnly(2026, 3, 3));
        before["FEES.DAT"].Should().NotBe(after["FEES.DAT"]);
        before["TARIFF.DAT"].Should().Be(after["TARIFF.DAT"]);
        var records = await db.ReferenceRecords.Where(r => r.VersionId == after["FEES.DAT"]).OrderBy(r => r.RecordNo).Select(r => r.Data).ToListAsync();
        ReferenceLibrary.FileOf(records).Should().Equal(fees.Last() == (byte)'\n' ? fees : [.. fees, (byte)'\n']);
    }
}
