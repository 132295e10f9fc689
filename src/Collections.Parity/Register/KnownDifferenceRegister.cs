using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Collections.Parity.Config;
using Collections.Parity.Model;

namespace Collections.Parity.Register;

/// <summary>
/// The governed known-difference register (legacy-fixtures/register/known-differences.json). Each rule names an
/// owner role, a reason and an expiry date; a difference is covered only by a rule that matches it and has not
/// expired. Each run reports records and dollars per rule and flags rules that matched nothing or expired.
/// </summary>
public sealed class KnownDifferenceRegister
{
    public string Version { get; init; } = "";
    public List<KnownDifference> Rules { get; init; } = [];

    /// <summary>SHA-256 of the register file as read (empty for an in-memory register).</summary>
    public string Sha256 { get; private set; } = "";
    public string Path { get; private set; } = "";

    public static KnownDifferenceRegister Empty() => new() { Version = "(none)" };

    public static KnownDifferenceRegister Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var reg = JsonSerializer.Deserialize<KnownDifferenceRegister>(bytes, ParityConfig.Json)
                  ?? throw new InvalidDataException($"{path}: empty register");
        reg.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        reg.Path = System.IO.Path.GetFullPath(path);
        var dup = reg.Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidDataException($"{path}: rule id {dup.Key} appears twice");
        foreach (var r in reg.Rules) r.Validate(path);
        return reg;
    }

    /// <summary>Applies the rules to every difference (first matching live rule covers it); returns the rule uses.</summary>
    public List<RuleUse> Apply(IEnumerable<Difference> differences, DateOnly today)
    {
        var uses = Rules.Select(r => new RuleUse
        {
            Id = r.Id, Owner = r.Owner, Reason = r.Reason, Expires = r.Expires, Expired = r.ExpiryDate < today,
        }).ToList();
        foreach (var d in differences)
        {
            d.RuleId = null;
            for (var i = 0; i < Rules.Count; i++)
            {
                if (!Rules[i].Match.Matches(d)) continue;
                if (uses[i].Expired) { uses[i].ExpiredMatches++; continue; }
                d.RuleId = Rules[i].Id;
                uses[i].Records++;
                uses[i].Cents += Math.Abs(d.Cents);
                break;
            }
        }
        return uses;
    }
}

public sealed class KnownDifference
{
    public string Id { get; init; } = "";

    /// <summary>Role that owns the decision (e.g. "revenue accounting lead").</summary>
    public string Owner { get; init; } = "";
    public string Reason { get; init; } = "";

    /// <summary>ISO date (yyyy-MM-dd) after which the rule no longer covers anything.</summary>
    public string Expires { get; init; } = "";
    public RuleMatch Match { get; init; } = new();

    public DateOnly ExpiryDate => DateOnly.ParseExact(Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal void Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Owner) || string.IsNullOrWhiteSpace(Reason))
            throw new InvalidDataException($"{path}: every rule needs id, owner and reason ({Id})");
        if (!DateOnly.TryParseExact(Expires, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            throw new InvalidDataException($"{path}: rule {Id} has no valid expires date (yyyy-MM-dd)");
        if (string.IsNullOrWhiteSpace(Match.File))
            throw new InvalidDataException($"{path}: rule {Id} must name a file (or gate:ID / rc:STEP)");
    }
}

/// <summary>What a rule covers. Omitted parts match anything.</summary>
public sealed class RuleMatch
{
    /// <summary>File name, "gate:ID" or "rc:STEP"; a trailing '*' matches a prefix ("*" any, "gate:*" every gate).</summary>
    public string File { get; init; } = "";

    /// <summary>Field name, "NAME(*)" for every occurrence, "(record)" for a whole record.</summary>
    public string? Field { get; init; }

    /// <summary>Regular expression on the record key.</summary>
    public string? Key { get; init; }

    /// <summary>Classification the difference must have.</summary>
    public DiffClass? Class { get; init; }

    /// <summary>Largest |difference| in cents covered (money fields and records).</summary>
    public long? MaxCents { get; init; }

    private Regex? _key;

    public bool Matches(Difference d)
    {
        var fileOk = File.EndsWith('*') ? d.File.StartsWith(File[..^1], StringComparison.Ordinal) : string.Equals(File, d.File, StringComparison.Ordinal);
        if (!fileOk) return false;
        if (Field is not null)
        {
            var ok = Field.EndsWith("(*)", StringComparison.Ordinal)
                ? d.Field.StartsWith(Field[..^3] + "(", StringComparison.Ordinal) || d.Field == Field[..^3]
                : string.Equals(Field, d.Field, StringComparison.Ordinal);
            if (!ok) return false;
        }
        if (Class is not null && Class != d.Class) return false;
        if (MaxCents is not null && Math.Abs(d.Cents) > MaxCents) return false;
        if (Key is not null)
        {
            _key ??= new Regex(Key, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (!_key.IsMatch(d.Key)) return false;
        }
        return true;
    }
}
