using Collections.Batch.Cycle;
using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Batch.Tests;

/// <summary>A day posts once: the same inputs again change nothing, other inputs for a posted day are refused, a corrupt file posts nothing.</summary>
public sealed class PostingTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly string Input = Path.Combine(RepoPaths.LegacyFixtures, "sample-2026-03-02", "input");

    private static string CopyInput(TempDir dir, Action<byte[]>? damageEntryin = null)
    {
        var copy = Path.Combine(dir.Path, "in-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(Input)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));
        if (damageEntryin is not null)
        {
            var bytes = File.ReadAllBytes(Path.Combine(copy, "ENTRYIN"));
            damageEntryin(bytes);
            File.WriteAllBytes(Path.Combine(copy, "ENTRYIN"), bytes);
        }
        return copy;
    }

    [Fact]
    public async Task RunDay_Twice_PostsOnce()
    {
        using var dir = new TempDir("db-post");
        var options = TestDatabases.Sqlite(dir);
        var (first, final) = await TestDatabases.RunDayAsync(options, Day, Input);
        first.Kind.Should().Be(SubmitKind.New);
        final!.Run.Status.Should().Be(RunStatus.Done);
        var before = await StateDump.OfAsync(options);
        var (second, again) = await TestDatabases.RunDayAsync(options, Day, Input);
        second.Kind.Should().Be(SubmitKind.Existing);
        second.Run!.Id.Should().Be(first.Run!.Id);
        again!.Run.Status.Should().Be(RunStatus.Done);
        (await StateDump.OfAsync(options)).Should().Be(before, "running a posted day again changes nothing");
        await using var db = options.CreateContext();
        (await db.PostedDays.CountAsync()).Should().Be(1);
        (await db.Runs.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task SubmitDay_SameDayTwiceAtOnce_OneRun()
    {
        using var dir = new TempDir("db-post");
        var options = TestDatabases.Sqlite(dir);
        await Database.MigrateAsync(options);
        var engine = new CycleEngine(options);
        var results = await Task.WhenAll(engine.SubmitAsync(Day, Input), engine.SubmitAsync(Day, Input));
        results.Select(r => r.Run!.Id).Distinct().Should().ContainSingle();
        results.Count(r => r.Kind == SubmitKind.New).Should().Be(1);
    }

    [Fact]
    public async Task RunDay_OtherInputForAPostedDay_Refused()
    {
        using var dir = new TempDir("db-post");
        var options = TestDatabases.Sqlite(dir);
        await TestDatabases.RunDayAsync(options, Day, Input);
        var other = CopyInput(dir, b => b[200] = (byte)'X');   // a header's filler: a valid file, other input
        var (refused, final) = await TestDatabases.RunDayAsync(options, Day, other);
        refused.Kind.Should().Be(SubmitKind.Refused);
        final.Should().BeNull();
        refused.Message.Should().Contain("already posted").And.Contain("refused");
        await using var db = options.CreateContext();
        (await db.Runs.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task RunDay_CorruptTrailer_RejectedWithAPreciseMessage_NothingPosted()
    {
        using var dir = new TempDir("db-post");
        var options = TestDatabases.Sqlite(dir);
        var corrupt = CopyInput(dir, b => b[^235] ^= 0x10);   // a digit of the trailer's value hash (packed, offset 15 of the last record)
        var (submit, final) = await TestDatabases.RunDayAsync(options, Day, corrupt);
        submit.Kind.Should().Be(SubmitKind.New);
        final!.Run.Status.Should().Be(RunStatus.Failed);
        final.Run.Message.Should().Contain("ENTRYIN").And.Contain("T004").And.Contain("Nothing was posted");
        await using var db = options.CreateContext();
        (await db.PostedDays.CountAsync()).Should().Be(0);
        (await db.Entries.CountAsync()).Should().Be(0);
        (await db.EntryLines.CountAsync()).Should().Be(0);
    }

    [Fact]
    public void RunDayCommand_CorruptFile_Exit8_MessageOnStderr()
    {
        using var dir = new TempDir("db-post");
        var corrupt = CopyInput(dir, b => Array.Resize(ref b, b.Length));
        File.WriteAllBytes(Path.Combine(corrupt, "ENTRYIN"), File.ReadAllBytes(Path.Combine(Input, "ENTRYIN"))[..^250]);   // no trailer
        var (rc, _, stderr) = Cli.Run(["run-day", "--date", "2026-03-02", "--input", corrupt, "--connection", "Data Source=" + Path.Combine(dir.Path, "c.db")]);
        rc.Should().Be(8);
        stderr.Should().Contain("no trailer record").And.Contain("T001");
        var (again, stdout, _) = Cli.Run(["status", "--date", "2026-03-02", "--connection", "Data Source=" + Path.Combine(dir.Path, "c.db")]);
        again.Should().Be(0);
        stdout.Should().Contain("failed").And.NotContain("(posted)");
    }
}
