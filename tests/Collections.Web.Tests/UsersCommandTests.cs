using Collections.Persistence;
using Collections.Persistence.Entities;
using Collections.Testing;
using Microsoft.EntityFrameworkCore;

namespace Collections.Web.Tests;

/// <summary><c>collections users add</c>: password from standard input, roles, importer binding, refusals.</summary>
public sealed class UsersCommandTests
{
    private static (int Rc, string Out, string Err) Cli(string stdin, params string[] args)
    {
        var (oldIn, oldOut, oldErr) = (Console.In, Console.Out, Console.Error);
        var so = new StringWriter();
        var se = new StringWriter();
        try
        {
            Console.SetIn(new StringReader(stdin));
            Console.SetOut(so);
            Console.SetError(se);
            var rc = Collections.Cli.Program.BuildRoot().Parse(args).Invoke();
            return (rc, so.ToString(), se.ToString());
        }
        finally
        {
            Console.SetIn(oldIn);
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public async Task Add_CreatesHashedAccountsWithRoles()
    {
        using var dir = new TempDir("web-users");
        var cs = "Data Source=" + dir.Combine("c.db");
        var ok = Cli("a long enough password\n", "users", "add", "alice", "--role", "analyst", "--provider", "sqlite", "--connection", cs);
        ok.Rc.Should().Be(0, ok.Err);
        var imp = Cli("another long password\n", "users", "add", "acme", "--role", "importer", "--importer", "12-3456789AB", "--provider", "sqlite", "--connection", cs);
        imp.Rc.Should().Be(0, imp.Err);
        var db = new DatabaseOptions(DatabaseProvider.Sqlite, cs);
        await using var ctx = db.CreateContext();
        var alice = await ctx.Users.SingleAsync(u => u.UserName == "alice");
        alice.PasswordHash.Should().NotContain("a long enough password");
        var roles = await ctx.UserRoles.Join(ctx.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        roles.Should().Contain(x => x.UserId == alice.Id && x.Name == "analyst");
        (await ctx.Users.SingleAsync(u => u.UserName == "acme")).ImporterNumber.Should().Be("12-3456789AB");
        var list = Cli("", "users", "list", "--provider", "sqlite", "--connection", cs);
        list.Out.Should().Contain("alice\tanalyst").And.Contain("acme\timporter\t12-3456789AB");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Theory]
    [InlineData("a long enough password\n", "importer", null, "needs --importer")]
    [InlineData("a long enough password\n", "analyst", "123", "importer role only")]
    [InlineData("a long enough password\n", "admin", null, "unknown role")]
    [InlineData("short\n", "analyst", null, "at least 12")]
    public void Add_Refused_Rc8_WithTheReason(string stdin, string role, string? importer, string message)
    {
        using var dir = new TempDir("web-users");
        var args = new List<string> { "users", "add", "bob", "--role", role, "--provider", "sqlite", "--connection", "Data Source=" + dir.Combine("c.db") };
        if (importer is not null) args.AddRange(["--importer", importer]);
        var r = Cli(stdin, [.. args]);
        r.Rc.Should().Be(8);
        r.Err.Should().Contain(message);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public void Add_Twice_Refused()
    {
        using var dir = new TempDir("web-users");
        var cs = "Data Source=" + dir.Combine("c.db");
        Cli("a long enough password\n", "users", "add", "carol", "--role", "migration", "--provider", "sqlite", "--connection", cs).Rc.Should().Be(0);
        var again = Cli("a long enough password\n", "users", "add", "carol", "--role", "migration", "--provider", "sqlite", "--connection", cs);
        again.Rc.Should().Be(8);
        again.Err.Should().Contain("exists already");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
