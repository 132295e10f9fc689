using System.CommandLine;
using Collections.Persistence;

namespace Collections.Cli.Commands;

/// <summary>
/// The database options of every command that uses one: --provider sqlite|postgres|sqlserver and --connection STRING
/// (else COLLECTIONS_PROVIDER, COLLECTIONS_CONNECTION; default SQLite file collections.db in the current directory).
/// </summary>
internal sealed class DbOptions
{
    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "database: sqlite (default, a file), postgres or sqlserver (else COLLECTIONS_PROVIDER)",
    };

    public Option<string?> Connection { get; } = new("--connection")
    {
        Description = "connection string (else COLLECTIONS_CONNECTION; SQLite default: collections.db in the current directory)",
    };

    public static DbOptions AddTo(Command command)
    {
        var o = new DbOptions();
        command.Options.Add(o.Provider);
        command.Options.Add(o.Connection);
        return o;
    }

    public DatabaseOptions Resolve(ParseResult parse) => DatabaseOptions.Resolve(parse.GetValue(Provider), parse.GetValue(Connection));
}

/// <summary>Exit codes of the database commands.</summary>
internal static class DbExit
{
    public const int Ok = 0, Warnings = 4, Failed = 8, Unavailable = 12, Usage = 16;

    /// <summary>Runs a database command, turning setup problems into a message on stderr and an exit code.</summary>
    public static int Guard(Func<Task<int>> action)
    {
        try
        {
            return action().GetAwaiter().GetResult();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("collections: " + e.Message);
            return Usage;
        }
        catch (SchemaBehindException e)
        {
            Console.Error.WriteLine("collections: " + e.Message);
            return Failed;
        }
        catch (Batch.Jobs.DatabaseUnavailableException e)
        {
            Console.Error.WriteLine("collections: " + e.Message + ". Nothing is lost: the run resumes from its last checkpoint when you run the same command once the database is back.");
            return Unavailable;
        }
        catch (Exception e) when (e is System.Data.Common.DbException || e.InnerException is System.Data.Common.DbException || e is TimeoutException)
        {
            var inner = e;
            while (inner.InnerException is not null) inner = inner.InnerException;
            Console.Error.WriteLine("collections: database error: " + inner.Message
                                    + ". Check that the database is up and the connection string is right; a run resumes from its last checkpoint when started again.");
            return Unavailable;
        }
    }
}
