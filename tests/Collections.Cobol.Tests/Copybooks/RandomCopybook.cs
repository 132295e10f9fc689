using System.Globalization;
using System.Text;
using Collections.Cobol.Copybooks;

namespace Collections.Cobol.Tests.Copybooks;

/// <summary>
/// Generates random copybooks that cobc accepts: mixes of usages (DISPLAY, COMP, BINARY, COMP-4, COMP-5, COMP-3),
/// signed and unsigned, SIGN LEADING/TRAILING [SEPARATE], P scaling, binary digit counts 1..18, edited pictures,
/// nested groups, OCCURS (on groups and elementary items), REDEFINES (never larger than the redefined item, which
/// cobc rejects), SYNC, OCCURS DEPENDING ON at the end of records and 66 RENAMES.
/// </summary>
internal sealed class RandomCopybook
{
    private static readonly string[] EditedPictures =
    [
        "ZZ,ZZ9.99-", "$$$,$$9.99CR", "X(3)BX(2)", "99/99/99", "***9.99", "+++9", "-9(3).99", "Z(5)9DB", "ZZZ9.99+",
        "9(3)B9(2)", "$$9.99", "----9", "Z(4)", "XX0XX", "A(2)BA(2)", "$Z,ZZ9.99CR", "9(4)-", "0099",
    ];

    private readonly Random _rng;
    private readonly StringBuilder _sb = new();
    private int _counter;
    private string _prefix = "";

    public RandomCopybook(int seed) => _rng = new Random(seed);

    public string Generate(int records, int fieldsPerRecord)
    {
        _sb.Clear();
        for (int r = 1; r <= records; r++)
        {
            _prefix = string.Create(CultureInfo.InvariantCulture, $"Q{r}");
            _counter = 0;
            var recName = _prefix + "-REC";
            Entry(1, recName, "");
            bool odo = _rng.Next(3) == 0;
            string? counter = null;
            if (odo)
            {
                counter = Name();
                Entry(5, counter, "PIC 9(2)");
            }
            var level5 = new List<(string Name, bool Plain)>();
            int budget = fieldsPerRecord;
            while (budget > 0)
            {
                budget -= Item(5, 3, level5, allowOccurs: true);
            }
            if (odo)
            {
                var max = _rng.Next(2, 6);
                var t = Name();
                // "OCCURS n DEPENDING ON" without TO is 1 TO n: both spellings are generated (chosen by the maximum,
                // so that the random sequence, and the other seeds' copybooks, stay as they were)
                Entry(5, t, max % 2 == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"OCCURS 1 TO {max} TIMES DEPENDING ON {counter}")
                    : string.Create(CultureInfo.InvariantCulture, $"OCCURS {max} TIMES DEPENDING ON {counter}"));
                int n = _rng.Next(1, 4);
                for (int k = 0; k < n; k++) Elementary(10, null, allowOccurs: false);
            }
            // 66 RENAMES over plain level-05 items (no OCCURS, no REDEFINES between them).
            var plain = level5.Select((x, i) => (x, i)).Where(p => p.x.Plain).ToList();
            // (cobc addresses a 66 item of a record with OCCURS DEPENDING ON after the variable table: not generated.)
            if (plain.Count >= 2 && !odo)
            {
                var a = plain[_rng.Next(plain.Count - 1)];
                var b = plain.FirstOrDefault(p => p.i == a.i + 1);
                if (b.x.Name is not null && _rng.Next(2) == 0)
                    Entry(66, Name(), $"RENAMES {a.x.Name} THRU {b.x.Name}");
                else
                    Entry(66, Name(), $"RENAMES {a.x.Name}");
            }
        }
        return _sb.ToString();
    }

    private string Name() => string.Create(CultureInfo.InvariantCulture, $"{_prefix}-F{++_counter}");

    /// <summary>Writes one item (maybe a group); returns the number of entries written.</summary>
    private int Item(int level, int depth, List<(string, bool)>? siblings, bool allowOccurs)
    {
        int roll = _rng.Next(100);
        if (depth > 0 && roll < 18) return Group(level, depth, siblings, allowOccurs);
        if (roll < 28) return Redefines(level, depth, siblings);
        var (name, plain) = Elementary(level, null, allowOccurs);
        siblings?.Add((name, plain));
        return 1;
    }

    private int Group(int level, int depth, List<(string, bool)>? siblings, bool allowOccurs)
    {
        var name = Name();
        var clauses = allowOccurs && _rng.Next(4) == 0 ? string.Create(CultureInfo.InvariantCulture, $"OCCURS {_rng.Next(1, 5)} TIMES") : "";
        if (_rng.Next(8) == 0) clauses += " SYNC";
        Entry(level, name, clauses);
        siblings?.Add((name, false));
        int n = _rng.Next(1, 6), written = 1;
        int child = level + 5;
        for (int i = 0; i < n; i++) written += Item(child, depth - 1, null, allowOccurs: true);
        return written;
    }

    private int Redefines(int level, int depth, List<(string, bool)>? siblings)
    {
        // The redefining text first, sized with our own layout only to choose a large enough redefined item.
        var saved = _sb.Length;
        var baseName = Name();
        var redefName = Name();
        var inner = new StringBuilder();
        var outer = _sb.ToString();
        _sb.Clear();
        int written;
        if (_rng.Next(2) == 0 && depth > 0)
        {
            Entry(level, redefName, "REDEFINES " + baseName);
            int n = _rng.Next(1, 5);
            written = 1;
            for (int i = 0; i < n; i++) written += Item(level + 5, depth - 1, null, allowOccurs: true);
        }
        else
        {
            Elementary(level, "REDEFINES " + baseName, allowOccurs: false, name: redefName);
            written = 1;
        }
        var redefText = _sb.ToString();
        _sb.Clear().Append(outer);
        int size = SizeOf(System.Text.RegularExpressions.Regex.Replace(redefText, @"REDEFINES\s+" + baseName + @"(?=[\s.])", ""), level);
        int baseSize = size + _rng.Next(0, 4);
        if (_rng.Next(2) == 0) Entry(level, baseName, string.Create(CultureInfo.InvariantCulture, $"PIC X({baseSize})"));
        else
        {
            Entry(level, baseName, "");
            Entry(level + 5, Name(), string.Create(CultureInfo.InvariantCulture, $"PIC X({baseSize})"));
        }
        _sb.Append(redefText);
        siblings?.Add((baseName, false));
        siblings?.Add((redefName, false));
        _ = saved; _ = inner;
        return written + 1;
    }

    private static int SizeOf(string text, int level)
    {
        var src = "       01  TMP-SIZE.\n" + text;
        var layout = CopybookLayout.Compute(CopybookParser.Parse(src, "size.cpy"), new LayoutOptions { BinarySize = BinarySize.TwoFourEight });
        var one = CopybookLayout.Compute(CopybookParser.Parse(src, "size.cpy"), new LayoutOptions { BinarySize = BinarySize.OneTwoFourEight });
        _ = level;
        return Math.Max(layout.Records[0].Length, one.Records[0].Length);
    }

    private (string Name, bool Plain) Elementary(int level, string? prefixClause, bool allowOccurs, string? name = null)
    {
        name ??= Name();
        var clauses = new StringBuilder(prefixClause ?? "");
        int kind = _rng.Next(100);
        bool occurs = allowOccurs && _rng.Next(7) == 0;
        if (kind < 15)
        {
            clauses.Append(CultureInfo.InvariantCulture, $" PIC X({_rng.Next(1, 15)})");
        }
        else if (kind < 30)
        {
            // DISPLAY numeric, maybe signed with SIGN clause
            bool signed = _rng.Next(2) == 0;
            clauses.Append(" PIC ").Append(NumericPic(signed, 1, 18));
            if (signed)
            {
                switch (_rng.Next(5))
                {
                    case 0: clauses.Append(" SIGN LEADING"); break;
                    case 1: clauses.Append(" SIGN IS TRAILING SEPARATE CHARACTER"); break;
                    case 2: clauses.Append(" SIGN LEADING SEPARATE"); break;
                    case 3: clauses.Append(" SIGN TRAILING"); break;
                }
            }
        }
        else if (kind < 55)
        {
            bool signed = _rng.Next(2) == 0;
            string usage = _rng.Next(6) switch
            {
                0 => "COMP", 1 => "BINARY", 2 => "COMP-4", 3 => "COMPUTATIONAL", 4 => "COMP-5", _ => "USAGE IS COMPUTATIONAL-5",
            };
            clauses.Append(" PIC ").Append(NumericPic(signed, 1, 18)).Append(' ').Append(usage);
            if (_rng.Next(3) == 0) clauses.Append(" SYNC");
        }
        else if (kind < 75)
        {
            bool signed = _rng.Next(2) == 0;
            string usage = _rng.Next(3) switch { 0 => "COMP-3", 1 => "PACKED-DECIMAL", _ => "USAGE COMPUTATIONAL-3" };
            clauses.Append(" PIC ").Append(NumericPic(signed, 1, 18)).Append(' ').Append(usage);
            if (_rng.Next(6) == 0) clauses.Append(" SYNC");
        }
        else if (kind < 85)
        {
            // P scaling
            bool signed = _rng.Next(2) == 0;
            int d = _rng.Next(1, 9), p = _rng.Next(1, 4);
            string pic = _rng.Next(3) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"9({d})P({p})"),
                1 => string.Create(CultureInfo.InvariantCulture, $"P({p})9({d})"),
                _ => string.Create(CultureInfo.InvariantCulture, $"VP({p})9({d})"),
            };
            string usage = _rng.Next(4) switch { 0 => "", 1 => " COMP", 2 => " COMP-3", _ => " COMP-5" };
            clauses.Append(" PIC ").Append(signed ? "S" : "").Append(pic).Append(usage);
        }
        else
        {
            var pic = EditedPictures[_rng.Next(EditedPictures.Length)];
            clauses.Append(" PIC ").Append(pic);
            if (_rng.Next(5) == 0 && !pic.Contains('X', StringComparison.Ordinal) && !pic.Contains('A', StringComparison.Ordinal)) clauses.Append(" BLANK WHEN ZERO");
        }
        if (occurs) clauses.Append(CultureInfo.InvariantCulture, $" OCCURS {_rng.Next(1, 6)}");
        Entry(level, name, clauses.ToString());
        return (name, !occurs);
    }

    private string NumericPic(bool signed, int minDigits, int maxDigits)
    {
        int digits = _rng.Next(minDigits, maxDigits + 1);
        int scale = _rng.Next(0, Math.Min(digits, 6) + 1);
        if (_rng.Next(2) == 0) scale = 0;
        int intDigits = digits - scale;
        var sb = new StringBuilder(signed ? "S" : "");
        if (intDigits > 0) sb.Append(_rng.Next(2) == 0 && intDigits < 5 ? new string('9', intDigits) : string.Create(CultureInfo.InvariantCulture, $"9({intDigits})"));
        if (scale > 0) sb.Append('V').Append(string.Create(CultureInfo.InvariantCulture, $"9({scale})"));
        return sb.ToString();
    }

    /// <summary>Writes an entry in fixed format, wrapped before column 73.</summary>
    private void Entry(int level, string name, string clauses)
    {
        var words = new List<string> { level.ToString("00", CultureInfo.InvariantCulture), name };
        words.AddRange(clauses.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        words[^1] += ".";
        int indent = level switch { 1 or 66 or 77 => 7, _ => 11 + Math.Min((level - 5) / 5, 6) * 2 };
        var line = new StringBuilder(new string(' ', indent));
        foreach (var w in words)
        {
            if (line.Length + 1 + w.Length > 72 && line.ToString().Trim().Length > 0)
            {
                _sb.Append(line.ToString().TrimEnd()).Append('\n');
                line.Clear().Append(new string(' ', 15));
            }
            if (line.ToString().Trim().Length > 0) line.Append(' ');
            line.Append(w);
        }
        _sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
