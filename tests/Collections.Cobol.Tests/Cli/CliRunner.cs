using System.CommandLine;
using System.Text.Json;
using Collections.Cli;

namespace Collections.Cobol.Tests.Cli;

/// <summary>Runs the <c>collections</c> command in-process, capturing stdout and stderr.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public List<JsonElement> JsonLines() =>
            StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Leaves of a decoded record: "NAME" or "NAME(i,j)" → value (null for a failed field), in document order.</summary>
    public static List<KeyValuePair<string, string?>> Leaves(JsonElement record)
    {
        var list = new List<KeyValuePair<string, string?>>();
        foreach (var rec in record.EnumerateObject())
        {
            if (rec.Name == "errors") continue;
            Walk(rec.Value, list, "", []);
        }
        return list;
    }

    private static void Walk(JsonElement e, List<KeyValuePair<string, string?>> list, string name, List<int> subs)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, list, p.Name, subs);
                break;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray())
                {
                    i++;
                    Walk(item, list, name, [.. subs, i]);
                }
                break;
            case JsonValueKind.Null:
                list.Add(new(Key(name, subs), null));
                break;
            default:
                list.Add(new(Key(name, subs), e.GetString()));
                break;
        }
    }

    private static string Key(string name, List<int> subs) =>
        subs.Count == 0 ? name : name + "(" + string.Join(",", subs) + ")";
}
