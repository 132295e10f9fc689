using System.CommandLine;
using System.Globalization;
using Collections.Persistence;
using Collections.Web;
using Collections.Web.Accounts;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections web</c> (the site, on the same database options as the other commands) and <c>collections users
/// add|list</c> (accounts; the password is read from standard input). Exit codes: 0 done, 8 refused (the message
/// says why), 12 database unreachable, 16 usage.
/// </summary>
internal static class WebCommands
{
    public static Command CreateWeb()
    {
        var urls = new Option<string>("--urls") { Description = $"address(es) to listen on, ';'-separated (default {WebApp.DefaultUrl}: loopback only)", DefaultValueFactory = _ => WebApp.DefaultUrl };
        var inbox = new Option<string?>("--inbox") { Description = "folder of business-day inputs (INBOX/YYYY-MM-DD) that operations run from the site (default ./inbox)" };
        var reports = new Option<string?>("--parity-reports") { Description = "folder searched for parity reports (default ./out/parity)" };
        var workers = new Option<int>("--workers") { Description = "job workers in the site's process (0: only queue days for `collections worker`)", DefaultValueFactory = _ => 1 };
        var command = new Command("web", "Start the web application (sign-in, runs, reconciliation, drill-down, suspense, parity, importer pages). Stops on Ctrl+C / SIGTERM.");
        command.Options.Add(urls);
        command.Options.Add(inbox);
        command.Options.Add(reports);
        command.Options.Add(workers);
        var db = DbOptions.AddTo(command);
        command.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            var args = new List<string> { "--urls", parse.GetValue(urls)!, "--Web:Workers", parse.GetValue(workers).ToString(CultureInfo.InvariantCulture) };
            if (parse.GetValue(inbox) is { } i) args.AddRange(["--Web:Inbox", Path.GetFullPath(i)]);
            if (parse.GetValue(reports) is { } r) args.AddRange(["--Web:ParityReports", Path.GetFullPath(r)]);
            var app = WebApp.Create([.. args], options);
            await WebApp.PrepareAsync(app).ConfigureAwait(false);
            Console.Error.WriteLine($"collections web: {options.Describe()}, listening on {parse.GetValue(urls)} (Ctrl+C to stop)");
            await app.RunAsync().ConfigureAwait(false);
            return DbExit.Ok;
        }));
        return command;
    }

    public static Command CreateUsers()
    {
        var command = new Command("users", "Web accounts (ASP.NET Core Identity, in the database).");
        var name = new Argument<string>("NAME") { Description = "user name (letters, digits, - . _ @)" };
        var role = new Option<string>("--role") { Description = "operations | analyst | migration | importer", Required = true };
        var importer = new Option<string?>("--importer") { Description = "the importer number an importer account sees (as filed in ENTRYIN)" };
        var add = new Command("add", "Create an account; the password (12 characters or more) is read from standard input (first line).");
        add.Arguments.Add(name);
        add.Options.Add(role);
        add.Options.Add(importer);
        var db = DbOptions.AddTo(add);
        add.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = db.Resolve(parse);
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            if (!Console.IsInputRedirected) Console.Error.Write("password: ");
            var password = await Console.In.ReadLineAsync().ConfigureAwait(false);
            if (string.IsNullOrEmpty(password)) throw new ArgumentException("no password on standard input");
            var user = parse.GetValue(name)!;
            var result = await AccountAdmin.AddAsync(options, user, parse.GetValue(role)!, parse.GetValue(importer), password).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                Console.Error.WriteLine($"collections users add: refused: {string.Join("; ", result.Errors)}");
                return DbExit.Failed;
            }
            Console.Out.WriteLine($"account {user} created ({parse.GetValue(role)!.ToLowerInvariant()}{(parse.GetValue(importer) is { } n ? ", importer " + n : "")}) in {options.Describe()}");
            return DbExit.Ok;
        }));
        var list = new Command("list", "List the accounts with their roles.");
        var dbList = DbOptions.AddTo(list);
        list.SetAction(parse => DbExit.Guard(async () =>
        {
            var options = dbList.Resolve(parse);
            await Database.EnsureReadyAsync(options).ConfigureAwait(false);
            foreach (var (n, roles, imp, locked) in await AccountAdmin.ListAsync(options).ConfigureAwait(false))
                Console.Out.WriteLine($"{n}\t{roles}\t{imp}\t{(locked ? "locked out" : "")}".TrimEnd());
            return DbExit.Ok;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
