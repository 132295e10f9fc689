using System.CommandLine;
using Collections.Parity.Capture;
using Collections.Parity.Generation;

namespace Collections.Cli.Commands;

/// <summary>
/// <c>collections parity capture</c>: build and run the legacy, store a fixture set with its manifest.
/// <c>--recapture legacy-fixtures/NAME</c> re-runs a fixture from its manifest; with <c>--check</c> only compares.
/// <c>collections parity verify-fixtures DIR</c> checks every fixture's files against its manifest.
/// Exit codes: 0 done (or reproduced / intact); 1 outputs differ (--check) or fixture damaged (verify);
/// 2 usage or environment error (legacy not found, cobc missing, bad folders); 3 capture failed.
/// </summary>
internal static class ParityCaptureCommands
{
    public static void AddTo(Command parity)
    {
        ArgumentNullException.ThrowIfNull(parity);
        parity.Subcommands.Add(CreateCapture());
        parity.Subcommands.Add(CreateVerify());
    }

    private static Command CreateCapture()
    {
        var command = new Command("capture", "Build and run the legacy cycle on an input day and store inputs, outputs, return codes and a manifest.");
        var legacyHome = new Option<string?>("--legacy-home") { Description = "The legacy suite (default: ACS_LEGACY_HOME, ../shared/legacy)." };
        var input = new Option<string?>("--input") { Description = "Input folder: ENTRYIN, PAYMENTS, SYSIN." };
        var runDate = new Option<string?>("--rundate") { Description = "Run date CCYYMMDD (passed to run-cycle.sh as given)." };
        var outDir = new Option<string?>("--out") { Description = "Fixture folder to write, e.g. legacy-fixtures/NAME." };
        var prior = new Option<string?>("--prior") { Description = "Prior day's fixture folder (its OPENITEM is the old master)." };
        var priorMaster = new Option<string?>("--prior-master") { Description = "A crafted old master file (e.g. a damaged OPENITEM), stored as prior/OPENITEM in the fixture." };
        var refDir = new Option<string?>("--ref") { Description = "Reference tables to run with (copied into the fixture); default the suite's ref/." };
        var description = new Option<string?>("--description") { Description = "What the fixture is for (written to the manifest)." };
        var covers = new Option<string[]>("--covers") { Description = "Branches the fixture covers (default: the generator's scenario list).", AllowMultipleArgumentsPerToken = true };
        var expected = new Option<string?>("--expected") { Description = "Expected outcome in words (garbage cases)." };
        var recapture = new Option<string?>("--recapture") { Description = "Re-run an existing fixture from its manifest." };
        var check = new Option<bool>("--check") { Description = "With --recapture: compare only, write nothing; exit 1 when outputs differ." };
        foreach (var o in new Option[] { legacyHome, input, runDate, outDir, prior, priorMaster, refDir, description, covers, expected, recapture, check })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            var home = ReferenceLocator.LegacyHome(parse.GetValue(legacyHome));
            if (home is null || !Directory.Exists(Path.Combine(home, "src")))
                return Usage("legacy suite not found: give --legacy-home DIR or set ACS_LEGACY_HOME");
            try
            {
                var re = parse.GetValue(recapture);
                if (re is not null)
                {
                    if (!File.Exists(Path.Combine(re, FixtureManifest.FileName))) return Usage($"{re} is not a fixture set (no manifest.json)");
                    var doWrite = !parse.GetValue(check);
                    var changed = FixtureCapture.Recapture(re, home, doWrite);
                    foreach (var c in changed) Console.Out.WriteLine((doWrite ? "changed  " : "differs  ") + c);
                    Console.Out.WriteLine(changed.Count == 0 ? $"{re}: reproduced exactly" : $"{re}: {changed.Count} file(s) {(doWrite ? "changed" : "differ")}");
                    return !doWrite && changed.Count > 0 ? 1 : 0;
                }
                var inDir = parse.GetValue(input);
                var rd = parse.GetValue(runDate);
                var fixture = parse.GetValue(outDir);
                if (inDir is null || rd is null || fixture is null) return Usage("--input, --rundate and --out are required (or --recapture FIXTURE)");
                if (parse.GetValue(prior) is not null && parse.GetValue(priorMaster) is not null) return Usage("give --prior or --prior-master, not both");
                if (parse.GetValue(priorMaster) is { } pm && !File.Exists(pm)) return Usage($"--prior-master {pm} not found");
                var m = FixtureCapture.Capture(new CaptureOptions
                {
                    LegacyHome = home,
                    InputDir = inDir,
                    RunDate = rd,
                    OutDir = fixture,
                    PriorFixture = parse.GetValue(prior),
                    PriorMaster = parse.GetValue(priorMaster),
                    RefDir = parse.GetValue(refDir),
                    Description = parse.GetValue(description) ?? "",
                    Covers = parse.GetValue(covers) ?? [],
                    Expected = parse.GetValue(expected) ?? "",
                });
                Console.Out.WriteLine($"captured {fixture}: legacy RC {m.ReturnCode}, {m.Files.Count} files, source {m.LegacySourceHash[..12]}");
                return 0;
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or FileNotFoundException)
            {
                return Usage(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
            {
                Console.Error.WriteLine("parity capture: " + ex.Message);
                return 3;
            }
        });
        return command;
    }

    private static Command CreateVerify()
    {
        var command = new Command("verify-fixtures", "Check every fixture set's files against its manifest (SHA-256, size, nothing extra).");
        var dir = new Argument<string>("DIR") { Description = "A fixture folder or a folder of fixtures (legacy-fixtures)." };
        var legacyHome = new Option<string?>("--legacy-home") { Description = "Also check the suite's ref/ tables against the recorded hashes." };
        command.Arguments.Add(dir);
        command.Options.Add(legacyHome);
        command.SetAction(parse =>
        {
            var root = parse.GetValue(dir)!;
            if (!Directory.Exists(root)) return Usage($"{root} not found");
            var home = parse.GetValue(legacyHome);
            var refDir = home is null ? null : Path.Combine(home, "ref");
            var sets = File.Exists(Path.Combine(root, FixtureManifest.FileName))
                ? [root]
                : Directory.GetDirectories(root).Where(d => File.Exists(Path.Combine(d, FixtureManifest.FileName))).Order(StringComparer.Ordinal).ToArray();
            var bad = 0;
            foreach (var s in sets)
            {
                var problems = ManifestVerifier.Verify(s, refDir);
                Console.Out.WriteLine($"{(problems.Count == 0 ? "ok     " : "DAMAGED")} {Path.GetFileName(s)}");
                foreach (var p in problems) Console.Out.WriteLine("        " + p);
                if (problems.Count > 0) bad++;
            }
            Console.Out.WriteLine($"{sets.Length} fixture set(s), {bad} damaged");
            return bad == 0 ? 0 : 1;
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("parity capture: " + message);
        return 2;
    }
}
