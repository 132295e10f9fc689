using System.Security.Cryptography;
using Collections.Legacy.RefData;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Cycle;

/// <summary>
/// The reference tables in the database: versions of the legacy's ref/*.DAT tables, each effective from a business
/// date, stored record by record as the file holds them. Steps read them back through the legacy port's loaders
/// (Clv100Tables, Clv200Tables), so each table contract has one implementation, whether a day runs from files or
/// from the database.
/// </summary>
public static class ReferenceLibrary
{
    public static IReadOnlyList<string> TableNames => ShippedReferenceLibrary.FileNames;

    /// <summary>Splits a table file into its records (lines without the LF).</summary>
    public static List<byte[]> Records(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var records = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < file.Length; i++)
        {
            if (file[i] != (byte)'\n') continue;
            records.Add(file[start..i]);
            start = i + 1;
        }
        if (start < file.Length) records.Add(file[start..]);
        return records;
    }

    /// <summary>The table file as line-sequential bytes (each record followed by LF), as the loaders read it.</summary>
    public static byte[] FileOf(IEnumerable<byte[]> records)
    {
        using var ms = new MemoryStream();
        foreach (var r in records)
        {
            ms.Write(r);
            ms.WriteByte((byte)'\n');
        }
        return ms.ToArray();
    }

    /// <summary>
    /// Loads the tables of a reference library folder (or the shipped copy when <paramref name="directory"/> is null) as
    /// versions effective from <paramref name="effectiveFrom"/>. A table whose content equals the version already in
    /// force at that date is skipped. Returns (table, loaded?) per table found.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, bool Loaded)>> LoadAsync(DatabaseOptions options, string? directory, DateOnly effectiveFrom, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var result = new List<(string, bool)>();
        await using var db = options.CreateContext();
        foreach (var name in TableNames)
        {
            byte[] bytes;
            if (directory is null) bytes = ShippedReferenceLibrary.Read(name);
            else
            {
                var path = Path.Combine(directory, name);
                if (!File.Exists(path)) continue;
                bytes = await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            }
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var current = await db.ReferenceTableVersions.AsNoTracking()
                .Where(v => v.TableName == name && v.EffectiveFrom <= effectiveFrom)
                .OrderByDescending(v => v.EffectiveFrom).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (current is not null && current.Sha256 == sha)
            {
                result.Add((name, false));
                continue;
            }
            var records = Records(bytes);
            await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            var same = await db.ReferenceTableVersions.Where(v => v.TableName == name && v.EffectiveFrom == effectiveFrom).ToListAsync(ct).ConfigureAwait(false);
            db.ReferenceTableVersions.RemoveRange(same);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            var version = new ReferenceTableVersion
            {
                TableName = name, EffectiveFrom = effectiveFrom, Sha256 = sha, RecordCount = records.Count,
                Source = directory is null ? "shipped" : Path.GetFullPath(directory), LoadedUtc = clock.GetUtcNow().UtcDateTime,
            };
            db.ReferenceTableVersions.Add(version);
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            db.ReferenceRecords.AddRange(records.Select((r, i) => new ReferenceRecord { VersionId = version.Id, RecordNo = i + 1, Data = r }));
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            db.ChangeTracker.Clear();
            result.Add((name, true));
        }
        return result;
    }

    /// <summary>When no table has a version yet, loads the shipped library effective from 0001-01-01 (first use of a database).</summary>
    public static async Task EnsureLoadedAsync(DatabaseOptions options, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using (var db = options.CreateContext())
            if (await db.ReferenceTableVersions.AnyAsync(ct).ConfigureAwait(false)) return;
        await LoadAsync(options, null, DateOnly.MinValue, clock, ct).ConfigureAwait(false);
    }

    /// <summary>The version of each table in force on <paramref name="businessDate"/>.</summary>
    public static async Task<Dictionary<string, long>> InForceAsync(CollectionsDbContext db, DateOnly businessDate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.ReferenceTableVersions.AsNoTracking().Where(v => v.EffectiveFrom <= businessDate)
            .Select(v => new { v.Id, v.TableName, v.EffectiveFrom }).ToListAsync(ct).ConfigureAwait(false);
        return versions.GroupBy(v => v.TableName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.EffectiveFrom).First().Id, StringComparer.Ordinal);
    }

    /// <summary>The records of a table as pinned for a run (null when the run has no such table).</summary>
    public static async Task<List<byte[]>?> RecordsForRunAsync(CollectionsDbContext db, long runId, string table, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pin = await db.RunReferenceTables.AsNoTracking().Where(p => p.RunId == runId && p.TableName == table)
            .Select(p => (long?)p.VersionId).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        if (pin is null) return null;
        return await db.ReferenceRecords.AsNoTracking().Where(r => r.VersionId == pin).OrderBy(r => r.RecordNo)
            .Select(r => r.Data).ToListAsync(ct).ConfigureAwait(false);
    }
}
