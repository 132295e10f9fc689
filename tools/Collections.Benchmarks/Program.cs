using System.Reflection;
using BenchmarkDotNet.Running;

namespace Collections.Benchmarks;

/// <summary>
/// Benchmark commands: <c>dotnet run -c Release --project tools/Collections.Benchmarks -- NAME [args]</c>.
/// Each command is a class implementing <see cref="IBenchmarkCommand"/> (discovered by reflection);
/// <c>bdn [BenchmarkDotNet args]</c> runs the BenchmarkDotNet suites in this assembly.
/// Figures and the machine they ran on go to docs/benchmarks.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var commands = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IBenchmarkCommand).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmarkCommand)Activator.CreateInstance(t)!)
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (args.Length > 0 && args[0] == "bdn")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args[1..]);
            return 0;
        }
        if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
        {
            Console.Error.WriteLine("usage: Collections.Benchmarks NAME [args]   (or: bdn [BenchmarkDotNet args])");
            foreach (var c in commands.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
                Console.Error.WriteLine($"  {c.Name,-20} {c.Description}");
            return 2;
        }
        return command.Run(args[1..]);
    }
}

/// <summary>A benchmark that runs as a plain command and prints its figures (markdown) to stdout.</summary>
public interface IBenchmarkCommand
{
    string Name { get; }
    string Description { get; }
    int Run(string[] args);
}

/// <summary>Describes the machine a figure was measured on, for docs/benchmarks.md.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null) cpu = line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        return $"{Environment.ProcessorCount} cores, {cpu}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}";
    }
}
