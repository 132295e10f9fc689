using System.Text;
using Collections.Testing;
using Xunit.Abstractions;

namespace Collections.Legacy.Tests.Clv400Parity;

/// <summary>
/// Damaged input as the legacy treats it: a chain day's prior OPENITEM and PAYMENTS mutated at random (bytes flipped
/// or set to telling values, records truncated, doubled, dropped, inserted, swapped), many seeds, run through the
/// live legacy CLV400 and our step; every output must agree byte for byte. A failure names the seed and mutations.
/// </summary>
public class Clv400DamagedInputTests(ITestOutputHelper output)
{
    private static readonly byte[] Telling = [0x00, 0xFF, 0x20, 0x0D, 0x0C, 0x0F, 0x1A, 0xAB, (byte)'A', (byte)'J', (byte)'{', (byte)'}', (byte)'0', (byte)'9', (byte)':', 0x0A];

    private static string Fixture(string name, string part, string file) => Path.Combine(RepoPaths.LegacyFixtures, name, part, file);

    private static Dictionary<string, byte[]?> Base(int? runDate)
    {
        var sysin = File.ReadAllBytes(Fixture("gen-chain-3-20260304", "output", "SYSIN"));
        if (runDate is { } d) sysin = Encoding.ASCII.GetBytes($"RUNDATE={d}\n");
        return new Dictionary<string, byte[]?>
        {
            ["SYSIN"] = sysin,
            ["STMTOUT"] = File.ReadAllBytes(Fixture("gen-chain-3-20260304", "output", "STMTOUT")),
            ["PAYMENTS"] = File.ReadAllBytes(Fixture("gen-chain-3-20260304", "input", "PAYMENTS")),
            ["OLDMAST"] = File.ReadAllBytes(Fixture("gen-chain-2-20260303", "output", "OPENITEM")),
        };
    }

    /// <summary>Applies 1-4 random mutations to a fixed-length record file; describes them in <paramref name="log"/>.</summary>
    internal static byte[] Mutate(byte[] file, int recordLength, Random rng, List<string> log, string name)
    {
        var records = new List<byte[]>();
        for (var i = 0; i + recordLength <= file.Length; i += recordLength) records.Add(file.AsSpan(i, recordLength).ToArray());
        var tail = file.AsSpan(records.Count * recordLength).ToArray();
        var n = rng.Next(1, 5);
        for (var m = 0; m < n && records.Count > 0; m++)
        {
            var r = rng.Next(records.Count);
            switch (rng.Next(10))
            {
                case 0 or 1 or 2:
                {
                    var at = rng.Next(recordLength);
                    var v = (byte)rng.Next(256);
                    records[r][at] = v;
                    log.Add($"{name} record {r + 1} byte {at} = {v:X2}");
                    break;
                }
                case 3 or 4:
                {
                    var at = rng.Next(recordLength);
                    var v = Telling[rng.Next(Telling.Length)];
                    records[r][at] = v;
                    log.Add($"{name} record {r + 1} byte {at} = {v:X2}");
                    break;
                }
                case 5:
                    records.Insert(r, (byte[])records[r].Clone());
                    log.Add($"{name} record {r + 1} doubled");
                    break;
                case 6:
                    records.RemoveAt(r);
                    log.Add($"{name} record {r + 1} dropped");
                    break;
                case 7:
                {
                    var s = rng.Next(records.Count);
                    (records[r], records[s]) = (records[s], records[r]);
                    log.Add($"{name} records {r + 1} and {s + 1} swapped");
                    break;
                }
                case 8:
                {
                    var junk = new byte[recordLength];
                    rng.NextBytes(junk);
                    records.Insert(r, junk);
                    log.Add($"{name} random record inserted at {r + 1}");
                    break;
                }
                default:
                {
                    var cut = rng.Next(1, recordLength);
                    tail = records[^1][..cut];
                    records.RemoveAt(records.Count - 1);
                    log.Add($"{name} last record cut to {cut} bytes");
                    break;
                }
            }
        }
        return records.SelectMany(x => x).Concat(tail).ToArray();
    }

    /// <summary>The numeric and code fields of OPENITEM (offset, length) that the update reads.</summary>
    private static readonly (int Offset, int Length)[] OldMasterFields =
        [(17, 1), (18, 1), (19, 1), (35, 6), (57, 8), (65, 8), (89, 5), (94, 7), (101, 7), (108, 7), (115, 7), (122, 7)];

    /// <summary>PAYREC fields: method, reference type, reference, amount, date received.</summary>
    private static readonly (int Offset, int Length)[] PaymentFields = [(12, 1), (13, 1), (14, 16), (30, 7), (37, 8)];

    /// <summary>Damages one field of a random record: a random or telling byte at a random position, or the whole field.</summary>
    internal static void DamageField(byte[] file, int recordLength, (int Offset, int Length)[] fields, Random rng, List<string> log, string name)
    {
        var records = file.Length / recordLength;
        if (records == 0) return;
        var r = rng.Next(records);
        var (offset, length) = fields[rng.Next(fields.Length)];
        var start = (r * recordLength) + offset;
        switch (rng.Next(3))
        {
            case 0:
                file[start + rng.Next(length)] = Telling[rng.Next(Telling.Length)];
                break;
            case 1:
                file[start + rng.Next(length)] = (byte)rng.Next(256);
                break;
            default:
                var v = Telling[rng.Next(Telling.Length)];
                file.AsSpan(start, length).Fill(v);
                break;
        }
        log.Add($"{name} record {r + 1} field at {offset} = X'{Convert.ToHexString(file, start, length)}'");
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void DamagedFieldsOfOldItemsAndPayments_MatchLegacy(int batch, int? runDate)
    {
        for (var seed = batch * 25; seed < (batch + 1) * 25; seed++)
        {
            var rng = new Random(seed * 104729 + (runDate ?? 1));
            var files = Base(runDate);
            var log = new List<string>();
            for (var i = rng.Next(1, 6); i > 0; i--) DamageField(files["OLDMAST"]!, 150, OldMasterFields, rng, log, "OLDMAST");
            for (var i = rng.Next(0, 4); i > 0; i--) DamageField(files["PAYMENTS"]!, 50, PaymentFields, rng, log, "PAYMENTS");
            Check(seed, runDate, files, log);
        }
    }

    private void Check(int seed, int? runDate, Dictionary<string, byte[]?> files, List<string> log)
    {
        try
        {
            Clv400Harness.RunBothAndCompare(files);
        }
        catch (Exception)
        {
            var dump = Environment.GetEnvironmentVariable("CLV400_FUZZ_DUMP");
            if (!string.IsNullOrEmpty(dump))
            {
                var dir = Path.Combine(dump, $"seed{seed}-{runDate}");
                Directory.CreateDirectory(dir);
                foreach (var (f, bytes) in files) if (bytes is not null) File.WriteAllBytes(Path.Combine(dir, f), bytes);
            }
            output.WriteLine($"seed {seed} run date {runDate?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "20260304"}: " + string.Join("; ", log));
            throw;
        }
    }

    public static TheoryData<int, int?> Batches()
    {
        var data = new TheoryData<int, int?>();
        for (var b = 0; b < 6; b++)
        {
            data.Add(b, null);
            data.Add(b, 20260415);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void RandomlyDamagedOldMasterAndPayments_MatchLegacy(int batch, int? runDate)
    {
        for (var seed = batch * 25; seed < (batch + 1) * 25; seed++)
        {
            var rng = new Random(seed * 7919 + (runDate ?? 0));
            var files = Base(runDate);
            var log = new List<string>();
            if (rng.Next(4) != 0) files["OLDMAST"] = Mutate(files["OLDMAST"]!, 150, rng, log, "OLDMAST");
            if (rng.Next(4) != 0) files["PAYMENTS"] = Mutate(files["PAYMENTS"]!, 50, rng, log, "PAYMENTS");
            Check(seed, runDate, files, log);
        }
    }
}
