using System.Globalization;
using System.Text;
using Collections.Cobol.Sorting;
using Collections.Testing;

namespace Collections.Cobol.Tests.Sorting;

/// <summary>
/// <see cref="CobolSort"/>: key order, release order for equal keys (in memory, across spilled runs, across
/// intermediate merge passes), bounded memory, temporary files deleted, and the order of GnuCOBOL 3.1.2's SORT
/// (a cobc-compiled program with INPUT/OUTPUT PROCEDURE over the same records).
/// </summary>
public sealed class CobolSortTests
{
    private const int Length = 24;

    /// <summary>Records: 3-byte major key (few values), 1-byte minor key, 8-digit release number, filler.</summary>
    private static byte[][] RandomRecords(int count, int seed, int distinctMajor = 20)
    {
        var rng = new Random(seed);
        var records = new byte[count][];
        for (var i = 0; i < count; i++)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{rng.Next(distinctMajor):D3}{(char)('A' + rng.Next(3))}{i:D8}{new string('.', 12)}");
            records[i] = Encoding.ASCII.GetBytes(text);
        }
        return records;
    }

    private static readonly CobolSortKey[] Keys = [CobolSortKey.Ascending(0, 3), CobolSortKey.Descending(3, 1)];

    /// <summary>The expected order: LINQ's stable OrderBy on the keys.</summary>
    private static List<string> Expected(byte[][] records) =>
        [.. records.Select(r => Encoding.ASCII.GetString(r))
            .OrderBy(s => s[..3], StringComparer.Ordinal).ThenByDescending(s => s[3..4], StringComparer.Ordinal)];

    private static List<string> SortAll(byte[][] records, CobolSortOptions options)
    {
        using var sort = CobolSort.Create(options);
        foreach (var r in records) sort.Release(r);
        var result = new List<string>();
        while (sort.Return(out var r)) result.Add(Encoding.ASCII.GetString(r.Span));
        sort.RecordsReturned.Should().Be(records.Length);
        return result;
    }

    [Theory]
    [InlineData(0, 1 << 20, 32)]
    [InlineData(1, 1 << 20, 32)]
    [InlineData(5000, 1 << 20, 32)]           // in memory
    [InlineData(5000, Length * 100, 32)]      // 50 runs: one intermediate pass
    [InlineData(5000, Length * 97, 2)]        // many passes of two-way merges
    [InlineData(5000, Length * 1000, 3)]      // runs + the in-memory tail
    [InlineData(4000, Length * 1000, 4)]      // runs only: the last buffer is exactly full
    public void Return_AnyMemoryLimit_KeyOrderThenReleaseOrder(int count, long memory, int fanIn)
    {
        var records = RandomRecords(count, seed: count + fanIn);
        using var temp = new TempDir("cobsort");
        var options = new CobolSortOptions { RecordLength = Length, Keys = Keys, MemoryLimitBytes = memory, MergeFanIn = fanIn, TempDirectory = temp.Path };
        SortAll(records, options).Should().Equal(Expected(records));
        Directory.GetFiles(temp.Path).Should().BeEmpty("the runs are deleted");
    }

    /// <summary>
    /// Keys of 39 to 41 bytes in all (at most 40 are sorted as prefix copies, longer ones through the records), the last
    /// key byte descending and the only difference between many records, ties in release order, in memory and spilled.
    /// </summary>
    [Theory]
    [InlineData(39, 1 << 20)]
    [InlineData(40, 1 << 20)]
    [InlineData(41, 1 << 20)]
    [InlineData(40, 48 * 50)]
    [InlineData(41, 48 * 50)]
    public void Return_KeysAroundFortyBytes_KeyOrderThenReleaseOrder(int keyLength, long memory)
    {
        const int recordLength = 48;
        var rng = new Random(keyLength);
        var records = new byte[2000][];
        for (var i = 0; i < records.Length; i++)
        {
            var r = new byte[recordLength];
            r.AsSpan(0, keyLength - 1).Fill((byte)'K');
            r[rng.Next(keyLength - 1)] = (byte)('A' + rng.Next(2));   // a few major differences anywhere in the ascending part
            r[keyLength - 1] = (byte)rng.Next(256);                    // the descending byte, every value (0x00 and 0xFF too)
            BitConverter.TryWriteBytes(r.AsSpan(keyLength), i);        // release number after the key
            records[i] = r;
        }
        var options = new CobolSortOptions
        {
            RecordLength = recordLength, MemoryLimitBytes = memory,
            Keys = [CobolSortKey.Ascending(0, keyLength - 1), CobolSortKey.Descending(keyLength - 1, 1)],
        };
        var expected = records.Select(r => Convert.ToHexString(r))
            .OrderBy(h => h[..((keyLength - 1) * 2)], StringComparer.Ordinal)
            .ThenByDescending(h => h.Substring((keyLength - 1) * 2, 2), StringComparer.Ordinal).ToList();
        using var sort = CobolSort.Create(options);
        foreach (var r in records) sort.Release(r);
        var result = new List<string>();
        while (sort.Return(out var r)) result.Add(Convert.ToHexString(r.Span));
        result.Should().Equal(expected);
    }

    [Fact]
    public void Return_SmallMemory_SpillsRunsAndMergesInPasses()
    {
        using var temp = new TempDir("cobsort");
        using var sort = CobolSort.Create(new CobolSortOptions
        {
            RecordLength = Length, Keys = Keys, MemoryLimitBytes = Length * 10, MergeFanIn = 3, TempDirectory = temp.Path,
        });
        foreach (var r in RandomRecords(95, 3)) sort.Release(r);
        Directory.GetFiles(temp.Path).Should().HaveCount(9, "nine full buffers were written as runs");
        sort.Return(out _).Should().BeTrue();
        sort.RunsWritten.Should().Be(9 + 3 + 1, "9 runs, then 3 merged runs, then one more (1 run + the memory tail fit a 3-way merge)");
        sort.IntermediateMergePasses.Should().Be(2);
        sort.Dispose();
        Directory.GetFiles(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void Return_AllKeysEqual_ReleaseOrder()
    {
        var records = Enumerable.Range(0, 3000).Select(i => Encoding.ASCII.GetBytes($"KEY{i:D21}")).ToArray();
        var sorted = SortAll(records, new CobolSortOptions { RecordLength = Length, Keys = [CobolSortKey.Ascending(0, 3)], MemoryLimitBytes = Length * 128 });
        sorted.Should().Equal(records.Select(r => Encoding.ASCII.GetString(r)));
    }

    [Fact]
    public void Return_KeysCompareAsUnsignedBytes()
    {
        byte[][] records = [[0x80, 1], [0x7F, 2], [0x00, 3], [0xFF, 4], [0x20, 5]];
        using var sort = CobolSort.Create(2, CobolSortKey.Ascending(0, 1));
        foreach (var r in records) sort.Release(r);
        var order = new List<byte>();
        while (sort.Return(out var r)) order.Add(r.Span[1]);
        order.Should().Equal(3, 5, 2, 1, 4);
    }

    [Fact]
    public void Return_DescendingOnlyKey_ReversesKeyOrderButNotTies()
    {
        byte[][] records = [[1, 0], [2, 1], [1, 2], [3, 3], [2, 4]];
        using var sort = CobolSort.Create(2, CobolSortKey.Descending(0, 1));
        foreach (var r in records) sort.Release(r);
        var order = new List<byte>();
        while (sort.Return(out var r)) order.Add(r.Span[1]);
        order.Should().Equal(3, 1, 4, 0, 2);
    }

    [Fact]
    public void Return_AfterEnd_StaysAtEnd()
    {
        using var sort = CobolSort.Create(1, CobolSortKey.Ascending(0, 1));
        sort.Release([7]);
        sort.Return(out var r).Should().BeTrue();
        r.Span[0].Should().Be(7);
        sort.Return(out _).Should().BeFalse();
        sort.Return(out _).Should().BeFalse();
    }

    [Fact]
    public void Release_WrongLengthOrAfterReturn_Throws()
    {
        using var sort = CobolSort.Create(4, CobolSortKey.Ascending(0, 2));
        var wrong = () => sort.Release([1, 2, 3]);
        wrong.Should().Throw<ArgumentException>();
        sort.Release([1, 2, 3, 4]);
        sort.Return(out _);
        var late = () => sort.Release([1, 2, 3, 4]);
        late.Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(4, 0)]
    [InlineData(3, 2)]
    [InlineData(-1, 1)]
    public void Create_KeyOutsideRecord_Throws(int offset, int length)
    {
        var act = () => CobolSort.Create(new CobolSortOptions { RecordLength = 4, Keys = [new CobolSortKey(offset, length)] });
        if (offset == 0 && length == 1) act.Should().NotThrow();
        else act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_NoKeysOrTinyLimits_Throws()
    {
        ((Action)(() => CobolSort.Create(new CobolSortOptions { RecordLength = 4 }))).Should().Throw<ArgumentException>();
        ((Action)(() => CobolSort.Create(new CobolSortOptions { RecordLength = 4, Keys = Keys[..1], MemoryLimitBytes = 3 }))).Should().Throw<ArgumentException>();
        ((Action)(() => CobolSort.Create(new CobolSortOptions { RecordLength = 4, Keys = Keys[..1], MergeFanIn = 1 }))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Release_ManyRecordsSmallLimit_AllocatesBoundedMemory()
    {
        using var temp = new TempDir("cobsort");
        const int recordLength = 200, count = 200_000;   // 40 MB of records through a 1 MiB buffer
        using var sort = CobolSort.Create(new CobolSortOptions
        {
            RecordLength = recordLength, Keys = [CobolSortKey.Ascending(0, 28)], MemoryLimitBytes = 1 << 20, TempDirectory = temp.Path,
        });
        var record = new byte[recordLength];
        var rng = new Random(5);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            rng.NextBytes(record.AsSpan(0, 28));
            sort.Release(record);
        }
        long returned = 0, outOfOrder = 0;
        var previous = new byte[28];
        while (sort.Return(out var r))
        {
            if (r.Span[..28].SequenceCompareTo(previous) < 0) outOfOrder++;
            r.Span[..28].CopyTo(previous);
            returned++;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        returned.Should().Be(count);
        outOfOrder.Should().Be(0);
        sort.RunsWritten.Should().BeGreaterThan(32);
        allocated.Should().BeLessThan(12L << 20, "memory is bounded by the buffer, the merge buffers and the runs, not the 40 MB of records");
    }

    /// <summary>
    /// GnuCOBOL's SORT on the same records (release order = file order), keys ascending X(3), descending X(1), without
    /// WITH DUPLICATES, once with the default sort memory and once with COB_SORT_MEMORY=1 MiB (its own temporary
    /// files): the returned order must be ours.
    /// </summary>
    [Theory]
    [InlineData(5_000, null)]
    [InlineData(120_000, "1048576")]
    public void Return_SameRecords_EqualsGnuCobolSort(int count, string? sortMemory)
    {
        if (!Cobc.IsAvailable) return;
        using var dir = new TempDir("cobsort-cobc");
        var records = RandomRecords(count, seed: 11, distinctMajor: 7);
        File.WriteAllBytes(dir.Combine("IN"), records.SelectMany(r => r).ToArray());
        File.WriteAllText(dir.Combine("SORTP.cbl"), SortProgram);
        var exe = Cobc.Compile(dir.Combine("SORTP.cbl"));
        var env = new Dictionary<string, string> { ["DD_SORTIN"] = dir.Combine("IN"), ["DD_SORTOUT"] = dir.Combine("OUT"), ["TMPDIR"] = dir.Path };
        if (sortMemory is not null) env["COB_SORT_MEMORY"] = sortMemory;
        var run = Cobc.Run(exe, [], dir.Path, env);
        run.ExitCode.Should().Be(0, run.StdErr + run.StdOut);
        var legacy = File.ReadAllBytes(dir.Combine("OUT"));

        var ours = SortAll(records, new CobolSortOptions { RecordLength = Length, Keys = Keys, MemoryLimitBytes = Length * 1000 });
        Encoding.ASCII.GetString(legacy).Should().Be(string.Concat(ours));
    }

    private const string SortProgram = """
               IDENTIFICATION DIVISION.
               PROGRAM-ID. SORTP.
               ENVIRONMENT DIVISION.
               INPUT-OUTPUT SECTION.
               FILE-CONTROL.
                   SELECT IN-FILE ASSIGN TO SORTIN ORGANIZATION IS SEQUENTIAL.
                   SELECT OUT-FILE ASSIGN TO SORTOUT ORGANIZATION IS SEQUENTIAL.
                   SELECT SORT-FILE ASSIGN TO SORTWK1.
               DATA DIVISION.
               FILE SECTION.
               FD  IN-FILE RECORD CONTAINS 24 CHARACTERS.
               01  IN-REC                 PIC X(24).
               FD  OUT-FILE RECORD CONTAINS 24 CHARACTERS.
               01  OUT-REC                PIC X(24).
               SD  SORT-FILE.
               01  SORT-REC.
                   05  SR-MAJOR           PIC X(03).
                   05  SR-MINOR           PIC X(01).
                   05  SR-REST            PIC X(20).
               WORKING-STORAGE SECTION.
               01  WS-EOF                 PIC X VALUE 'N'.
               PROCEDURE DIVISION.
                   SORT SORT-FILE ON ASCENDING KEY SR-MAJOR
                                  ON DESCENDING KEY SR-MINOR
                       INPUT PROCEDURE IS 1000-IN
                       OUTPUT PROCEDURE IS 2000-OUT
                   IF SORT-RETURN NOT = ZERO
                       DISPLAY 'SORT-RETURN ' SORT-RETURN
                       MOVE 16 TO RETURN-CODE
                   END-IF
                   STOP RUN.
               1000-IN.
                   OPEN INPUT IN-FILE
                   PERFORM UNTIL WS-EOF = 'Y'
                       READ IN-FILE
                           AT END MOVE 'Y' TO WS-EOF
                           NOT AT END
                               MOVE IN-REC TO SORT-REC
                               RELEASE SORT-REC
                       END-READ
                   END-PERFORM
                   CLOSE IN-FILE.
               2000-OUT.
                   MOVE 'N' TO WS-EOF
                   OPEN OUTPUT OUT-FILE
                   PERFORM UNTIL WS-EOF = 'Y'
                       RETURN SORT-FILE
                           AT END MOVE 'Y' TO WS-EOF
                           NOT AT END
                               MOVE SORT-REC TO OUT-REC
                               WRITE OUT-REC
                       END-RETURN
                   END-PERFORM
                   CLOSE OUT-FILE.
        """;
}
