using System.Globalization;

namespace Collections.Cobol.Copybooks;

/// <summary>Where COPY members are looked up and how.</summary>
public sealed class CopybookParserOptions
{
    /// <summary>Directories searched for COPY members, in order, after the including file's own directory (like cobc -I).</summary>
    public IList<string> IncludeDirectories { get; } = new List<string>();

    /// <summary>Extensions tried for a COPY member name, in order (the name as written first).</summary>
    public IList<string> Extensions { get; } = new List<string> { "", ".cpy", ".CPY", ".cbl", ".CBL", ".cob", ".COB" };

    /// <summary>Nesting limit for COPY inside COPY members.</summary>
    public int MaxCopyDepth { get; set; } = 20;
}

/// <summary>
/// Parses fixed-format COBOL copybooks (data description entries) into a <see cref="Copybook"/>.
/// Supported: levels 01-49, 66 RENAMES [THRU], 77, 88 (VALUE lists and THRU ranges), FILLER and unnamed items,
/// PICTURE (see <see cref="Picture"/>), USAGE DISPLAY / COMP / COMP-3 / PACKED-DECIMAL / COMP-4 / BINARY / COMP-5 /
/// COMP-1 / COMP-2 (also FLOAT-SHORT / FLOAT-LONG)
/// (COMPUTATIONAL-n spellings, USAGE IS), SIGN [IS] LEADING|TRAILING [SEPARATE [CHARACTER]], REDEFINES, OCCURS n [TIMES],
/// OCCURS m TO n [TIMES] DEPENDING ON x, OCCURS n [TIMES] DEPENDING ON x (= 1 TO n), ASCENDING/DESCENDING KEY, INDEXED BY, VALUE (literals, numbers, figurative
/// constants, ALL literal), JUSTIFIED RIGHT, SYNC[HRONIZED] [LEFT|RIGHT], BLANK WHEN ZERO, and COPY member [OF|IN lib]
/// [SUPPRESS] [REPLACING ...] with pseudo-text, word, literal, LEADING and TRAILING operands. Anything else is a
/// <see cref="CopybookException"/> naming the file and line.
/// </summary>
public static class CopybookParser
{
    public static Copybook ParseFile(string path, CopybookParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new CopybookException(path, 0, "copybook file not found");
        string text;
        try { text = File.ReadAllText(path, System.Text.Encoding.Latin1); }
        catch (IOException e) { throw new CopybookException(path, 0, "cannot read copybook: " + e.Message); }
        return Parse(text, path, options);
    }

    public static Copybook Parse(string text, string fileName, CopybookParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new CopybookParserOptions();
        var tokens = CopybookSource.Tokenize(text, fileName);
        tokens = CopyExpander.Expand(tokens, fileName, options, 0);
        var roots = new EntryParser(tokens, fileName).ParseAll();
        return new Copybook(fileName, roots);
    }
}

internal static class CopyExpander
{
    private sealed record Replacement(List<CopybookToken> From, List<CopybookToken> By, bool Leading, bool Trailing, bool PseudoText);

    public static List<CopybookToken> Expand(List<CopybookToken> tokens, string fileName, CopybookParserOptions options, int depth)
    {
        var result = new List<CopybookToken>(tokens.Count);
        for (int i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.Is("COPY"))
            {
                result.Add(t);
                continue;
            }
            if (depth >= options.MaxCopyDepth) throw new CopybookException(t.File, t.Line, "COPY nested too deeply (recursive COPY?)");
            int p = i + 1;
            if (p >= tokens.Count || tokens[p].Kind is TokenKind.Period or TokenKind.PseudoDelimiter)
                throw new CopybookException(t.File, t.Line, "COPY without a member name");
            string member = Unquote(tokens[p].Text);
            p++;
            string? library = null;
            if (p < tokens.Count && (tokens[p].Is("OF") || tokens[p].Is("IN")))
            {
                p++;
                if (p >= tokens.Count || tokens[p].Kind is TokenKind.Period or TokenKind.PseudoDelimiter)
                    throw new CopybookException(t.File, t.Line, "COPY ... OF/IN without a library name");
                library = Unquote(tokens[p].Text);
                p++;
            }
            if (p < tokens.Count && tokens[p].Is("SUPPRESS")) p++;
            var replacements = new List<Replacement>();
            if (p < tokens.Count && tokens[p].Is("REPLACING"))
            {
                p++;
                while (p < tokens.Count && tokens[p].Kind != TokenKind.Period)
                {
                    bool leading = false, trailing = false;
                    if (tokens[p].Is("LEADING")) { leading = true; p++; }
                    else if (tokens[p].Is("TRAILING")) { trailing = true; p++; }
                    var (from, fromPseudo) = ReadOperand(tokens, ref p, t);
                    if (p >= tokens.Count || !tokens[p].Is("BY"))
                        throw new CopybookException(t.File, p < tokens.Count ? tokens[p].Line : t.Line, "COPY REPLACING: BY expected");
                    p++;
                    var (by, _) = ReadOperand(tokens, ref p, t);
                    if (from.Count == 0) throw new CopybookException(t.File, t.Line, "COPY REPLACING: empty text to replace");
                    if ((leading || trailing) && (from.Count != 1 || by.Count > 1))
                        throw new CopybookException(t.File, t.Line, "COPY REPLACING LEADING/TRAILING needs single-word operands");
                    replacements.Add(new Replacement(from, by, leading, trailing, fromPseudo));
                }
            }
            if (p >= tokens.Count || tokens[p].Kind != TokenKind.Period)
                throw new CopybookException(t.File, p < tokens.Count ? tokens[p].Line : t.Line, "COPY statement must end with a period");

            var path = Resolve(member, library, fileName, options)
                ?? throw new CopybookException(t.File, t.Line,
                    $"COPY member '{member}'{(library is null ? "" : " OF " + library)} not found (searched {string.Join(", ", SearchDirs(fileName, options))} with extensions {string.Join(" ", options.Extensions.Select(e => e.Length == 0 ? "(none)" : e))})");
            string text;
            try { text = File.ReadAllText(path, System.Text.Encoding.Latin1); }
            catch (IOException e) { throw new CopybookException(t.File, t.Line, $"cannot read COPY member {path}: {e.Message}"); }
            var memberTokens = CopybookSource.Tokenize(text, path);
            memberTokens = Expand(memberTokens, path, options, depth + 1);
            if (replacements.Count > 0) memberTokens = ApplyReplacing(memberTokens, replacements);
            result.AddRange(memberTokens);
            i = p; // skip the COPY statement including its period
        }
        return result;
    }

    private static (List<CopybookToken> Tokens, bool Pseudo) ReadOperand(List<CopybookToken> tokens, ref int p, CopybookToken copy)
    {
        if (p >= tokens.Count) throw new CopybookException(copy.File, copy.Line, "COPY REPLACING: operand expected");
        if (tokens[p].Kind == TokenKind.PseudoDelimiter)
        {
            p++;
            var list = new List<CopybookToken>();
            while (p < tokens.Count && tokens[p].Kind != TokenKind.PseudoDelimiter)
            {
                list.Add(tokens[p]);
                p++;
            }
            if (p >= tokens.Count) throw new CopybookException(copy.File, copy.Line, "COPY REPLACING: pseudo-text not closed with ==");
            p++;
            return (list, true);
        }
        if (tokens[p].Kind == TokenKind.Period) throw new CopybookException(copy.File, tokens[p].Line, "COPY REPLACING: operand expected before the period");
        return ([tokens[p++]], false);
    }

    private static List<CopybookToken> ApplyReplacing(List<CopybookToken> tokens, List<Replacement> replacements)
    {
        var result = new List<CopybookToken>(tokens.Count);
        int i = 0;
        while (i < tokens.Count)
        {
            bool done = false;
            foreach (var r in replacements)
            {
                if (r.Leading || r.Trailing)
                {
                    var t = tokens[i];
                    var from = r.From[0].Text;
                    if (t.Kind == TokenKind.Word && t.Text.Length > from.Length
                        && (r.Leading ? t.Text.StartsWith(from, StringComparison.OrdinalIgnoreCase) : t.Text.EndsWith(from, StringComparison.OrdinalIgnoreCase)))
                    {
                        var by = r.By.Count == 0 ? string.Empty : r.By[0].Text;
                        var text = r.Leading ? by + t.Text[from.Length..] : t.Text[..^from.Length] + by;
                        result.Add(t with { Text = text });
                        i++;
                        done = true;
                        break;
                    }
                    continue;
                }
                if (Matches(tokens, i, r.From))
                {
                    foreach (var b in r.By) result.Add(b with { File = tokens[i].File, Line = tokens[i].Line });
                    i += r.From.Count;
                    done = true;
                    break;
                }
                // Partial-word replacement of a tag such as :OI: or (PFX) inside a word, as cobc and IBM COBOL do.
                if (r.PseudoText && r.From.Count == 1 && r.By.Count <= 1 && IsTag(r.From[0].Text)
                    && tokens[i].Kind == TokenKind.Word
                    && tokens[i].Text.Contains(r.From[0].Text, StringComparison.OrdinalIgnoreCase))
                {
                    var by = r.By.Count == 0 ? string.Empty : r.By[0].Text;
                    result.Add(tokens[i] with { Text = tokens[i].Text.Replace(r.From[0].Text, by, StringComparison.OrdinalIgnoreCase) });
                    i++;
                    done = true;
                    break;
                }
            }
            if (!done)
            {
                result.Add(tokens[i]);
                i++;
            }
        }
        return result;
    }

    private static bool IsTag(string text) =>
        text.Length >= 2 && !char.IsLetterOrDigit(text[0]) && !char.IsLetterOrDigit(text[^1]);

    private static bool Matches(List<CopybookToken> tokens, int at, List<CopybookToken> pattern)
    {
        if (at + pattern.Count > tokens.Count) return false;
        for (int k = 0; k < pattern.Count; k++)
        {
            var a = tokens[at + k];
            var b = pattern[k];
            if (a.Kind != b.Kind) return false;
            var cmp = a.Kind == TokenKind.Literal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            if (!string.Equals(a.Text, b.Text, cmp)) return false;
        }
        return true;
    }

    private static IEnumerable<string> SearchDirs(string includingFile, CopybookParserOptions options)
    {
        var own = Path.GetDirectoryName(Path.GetFullPath(includingFile));
        if (!string.IsNullOrEmpty(own)) yield return own;
        foreach (var d in options.IncludeDirectories) yield return d;
    }

    private static string? Resolve(string member, string? library, string includingFile, CopybookParserOptions options)
    {
        foreach (var dir in SearchDirs(includingFile, options))
        {
            var bases = library is null ? new[] { Path.Combine(dir, member) } : new[] { Path.Combine(dir, library, member), Path.Combine(dir, member) };
            foreach (var b in bases)
            {
                foreach (var ext in options.Extensions)
                {
                    var candidate = b + ext;
                    if (File.Exists(candidate)) return candidate;
                }
            }
        }
        return null;
    }

    internal static string Unquote(string text)
    {
        if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[^1] == text[0]) return text[1..^1];
        return text;
    }
}

internal sealed class EntryParser
{
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PIC", "PICTURE", "USAGE", "VALUE", "VALUES", "REDEFINES", "OCCURS", "SIGN", "LEADING", "TRAILING",
        "JUST", "JUSTIFIED", "SYNC", "SYNCHRONIZED", "BLANK", "RENAMES", "DISPLAY", "BINARY", "PACKED-DECIMAL",
        "COMP", "COMPUTATIONAL", "COMP-1", "COMP-2", "COMP-3", "COMP-4", "COMP-5", "COMP-6", "COMP-X", "COMP-N",
        "COMPUTATIONAL-1", "COMPUTATIONAL-2", "COMPUTATIONAL-3", "COMPUTATIONAL-4", "COMPUTATIONAL-5",
        "COMPUTATIONAL-6", "COMPUTATIONAL-X", "INDEX", "POINTER", "NATIONAL", "EXTERNAL", "GLOBAL",
        "IS", "BASED", "ANY", "TYPEDEF", "DYNAMIC", "FLOAT-SHORT", "FLOAT-LONG",
    };

    private static readonly HashSet<string> Figuratives = new(StringComparer.OrdinalIgnoreCase)
    {
        "ZERO", "ZEROS", "ZEROES", "SPACE", "SPACES", "HIGH-VALUE", "HIGH-VALUES", "LOW-VALUE", "LOW-VALUES",
        "QUOTE", "QUOTES", "NULL", "NULLS",
    };

    private readonly List<CopybookToken> _tokens;
    private readonly string _fileName;
    private int _pos;

    public EntryParser(List<CopybookToken> tokens, string fileName)
    {
        _tokens = tokens;
        _fileName = fileName;
    }

    private CopybookToken? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private CopybookException Error(CopybookToken? at, string reason)
    {
        var t = at ?? (_tokens.Count > 0 ? _tokens[^1] : default);
        return new CopybookException(t.File ?? _fileName, t.Line, reason);
    }

    public List<CopybookItem> ParseAll()
    {
        var roots = new List<CopybookItem>();
        var stack = new List<CopybookItem>();
        CopybookItem? lastItem = null;
        CopybookItem? currentRecord = null;
        while (_pos < _tokens.Count)
        {
            var levelTok = _tokens[_pos];
            if (levelTok.Kind != TokenKind.Word || !int.TryParse(levelTok.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int level)
                || levelTok.Text.Length > 2)
            {
                throw Error(levelTok, $"level number expected, found '{levelTok.Text}' (only data description entries are supported in a copybook)");
            }
            if (!(level is >= 1 and <= 49 or 66 or 77 or 88))
                throw Error(levelTok, $"level number {levelTok.Text} is not valid (01-49, 66, 77, 88)");
            _pos++;

            string? name = null;
            var nameTok = Peek;
            if (nameTok is { Kind: TokenKind.Word } nt && !ClauseWords.Contains(nt.Text) && !IsNumber(nt.Text))
            {
                name = nt.Text.Equals("FILLER", StringComparison.OrdinalIgnoreCase) ? null : nt.Text.ToUpperInvariant();
                _pos++;
                if (name is not null) ValidateName(name, nt);
            }

            if (level == 88)
            {
                if (name is null) throw Error(levelTok, "level 88 needs a condition name");
                if (lastItem is null) throw Error(levelTok, "level 88 without a preceding data item");
                lastItem.Conditions.Add(ParseCondition(name, levelTok));
                continue;
            }

            var item = new CopybookItem(level, name, levelTok.File, levelTok.Line);
            ParseClauses(item);

            if (level == 1 || level == 77)
            {
                roots.Add(item);
                stack.Clear();
                if (level == 1) { stack.Add(item); currentRecord = item; }
                else currentRecord = null;
            }
            else if (level == 66)
            {
                if (currentRecord is null) throw Error(levelTok, "level 66 must follow the items of a level-01 record");
                if (item.RenamesFrom is null) throw Error(levelTok, "level 66 needs a RENAMES clause");
                item.Parent = currentRecord;
                currentRecord.Children.Add(item);
                stack.Clear();
                stack.Add(currentRecord);
                lastItem = item;
                continue;
            }
            else
            {
                while (stack.Count > 0 && stack[^1].Level >= level) stack.RemoveAt(stack.Count - 1);
                if (stack.Count == 0) throw Error(levelTok, $"level {level:00} item without an enclosing level-01 record");
                var parent = stack[^1];
                if (parent.Picture is not null)
                    throw Error(levelTok, $"'{parent.DisplayName}' (line {parent.LineNumber}) has a PICTURE and cannot have subordinate items");
                if (parent.Children.Count > 0 && parent.Children[^1].Level != level && parent.Children[^1].Level != 66)
                {
                    var prev = parent.Children[^1];
                    if (prev.Level < level)
                    {
                        // cannot happen: prev would still be on the stack
                    }
                    else throw Error(levelTok, $"level {level:00} does not match the level {prev.Level:00} of the previous item at this depth ('{prev.DisplayName}')");
                }
                item.Parent = parent;
                parent.Children.Add(item);
                stack.Add(item);
            }
            if (item.RenamesFrom is not null) throw Error(levelTok, "RENAMES is only allowed on level 66");
            lastItem = item;
        }

        foreach (var r in roots) Resolve(r, null);
        return roots;
    }

    private static void ValidateName(string name, CopybookToken at)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
                throw new CopybookException(at.File, at.Line, $"'{name}' is not a valid data name");
        }
        if (name.StartsWith('-') || name.EndsWith('-'))
            throw new CopybookException(at.File, at.Line, $"'{name}' is not a valid data name (hyphen at start or end)");
        if (name.Length > 63) throw new CopybookException(at.File, at.Line, $"data name '{name}' longer than 63 characters");
    }

    private static bool IsNumber(string text)
    {
        int i = 0;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-')) i++;
        bool digit = false;
        for (; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i])) digit = true;
            else if (text[i] != '.' && text[i] != ',') return false;
        }
        return digit;
    }

    private ConditionName ParseCondition(string name, CopybookToken levelTok)
    {
        var values = new List<ConditionValue>();
        var t = Peek;
        if (t is null || !(t.Value.Is("VALUE") || t.Value.Is("VALUES"))) throw Error(t ?? levelTok, $"level 88 '{name}' needs a VALUE clause");
        _pos++;
        if (Peek is { } isTok && (isTok.Is("IS") || isTok.Is("ARE"))) _pos++;
        while (Peek is { } v && v.Kind != TokenKind.Period)
        {
            if (v.Is("WHEN") || v.Is("FALSE"))
            {
                // [WHEN SET TO] FALSE [IS] literal: accepted, not a value of the condition.
                while (Peek is { } w && (w.Is("WHEN") || w.Is("SET") || w.Is("TO") || w.Is("FALSE") || w.Is("IS"))) _pos++;
                ReadValue(levelTok);
                continue;
            }
            var first = ReadValue(levelTok);
            string? thru = null;
            if (Peek is { } th && (th.Is("THRU") || th.Is("THROUGH")))
            {
                _pos++;
                thru = ReadValue(levelTok);
            }
            values.Add(new ConditionValue(first, thru));
        }
        if (Peek is null) throw Error(levelTok, $"level 88 '{name}': period expected");
        _pos++; // period
        if (values.Count == 0) throw Error(levelTok, $"level 88 '{name}' has no values");
        return new ConditionName(name, values, levelTok.File, levelTok.Line);
    }

    private string ReadValue(CopybookToken context)
    {
        var t = Peek ?? throw Error(context, "value expected");
        if (t.Kind == TokenKind.Literal) { _pos++; return t.Text; }
        if (t.Kind == TokenKind.Word)
        {
            if (t.Is("ALL"))
            {
                _pos++;
                var lit = Peek ?? throw Error(t, "literal expected after ALL");
                if (lit.Kind != TokenKind.Literal && !Figuratives.Contains(lit.Text)) throw Error(lit, "literal expected after ALL");
                _pos++;
                return "ALL " + lit.Text;
            }
            if (Figuratives.Contains(t.Text)) { _pos++; return t.Text.ToUpperInvariant(); }
            if (IsNumber(t.Text)) { _pos++; return t.Text; }
        }
        throw Error(t, $"invalid value '{t.Text}'");
    }

    private void ParseClauses(CopybookItem item)
    {
        while (true)
        {
            var t = Peek ?? throw Error(_tokens.Count > 0 ? _tokens[^1] : null, $"'{item.DisplayName}': period expected at end of entry");
            if (t.Kind == TokenKind.Period) { _pos++; return; }
            if (t.Kind != TokenKind.Word) throw Error(t, $"'{item.DisplayName}': unexpected '{t.Text}'");
            var w = t.Text.ToUpperInvariant();
            _pos++;
            switch (w)
            {
                case "PIC":
                case "PICTURE":
                {
                    if (Peek is { } isTok && isTok.Is("IS")) _pos++;
                    var p = Peek ?? throw Error(t, "PICTURE string expected");
                    if (p.Kind != TokenKind.Word) throw Error(p, "PICTURE string expected");
                    _pos++;
                    if (item.Picture is not null) throw Error(p, $"'{item.DisplayName}': duplicate PICTURE clause");
                    try { item.Picture = Picture.Parse(p.Text); }
                    catch (FormatException e) { throw Error(p, e.Message); }
                    break;
                }
                case "USAGE":
                    if (Peek is { } isU && isU.Is("IS")) _pos++;
                    var u = Peek ?? throw Error(t, "usage expected");
                    _pos++;
                    item.DeclaredUsage = ParseUsage(u.Text) ?? throw Error(u, $"USAGE {u.Text} is not supported");
                    break;
                case "DISPLAY": case "BINARY": case "PACKED-DECIMAL": case "COMP": case "COMPUTATIONAL":
                case "COMP-3": case "COMPUTATIONAL-3": case "COMP-4": case "COMPUTATIONAL-4": case "COMP-5": case "COMPUTATIONAL-5":
                case "COMP-1": case "COMPUTATIONAL-1": case "FLOAT-SHORT": case "COMP-2": case "COMPUTATIONAL-2": case "FLOAT-LONG":
                    item.DeclaredUsage = ParseUsage(w);
                    break;
                case "COMP-6": case "COMPUTATIONAL-6":
                case "COMP-X": case "COMPUTATIONAL-X": case "COMP-N": case "INDEX": case "POINTER": case "NATIONAL":
                    throw Error(t, $"USAGE {w} is not supported");
                case "SIGN":
                {
                    if (Peek is { } isS && isS.Is("IS")) _pos++;
                    var lt = Peek ?? throw Error(t, "LEADING or TRAILING expected");
                    if (!(lt.Is("LEADING") || lt.Is("TRAILING"))) throw Error(lt, "SIGN: LEADING or TRAILING expected");
                    _pos++;
                    item.DeclaredSign = (lt.Is("LEADING"), ParseSeparate());
                    break;
                }
                case "LEADING":
                case "TRAILING":
                    item.DeclaredSign = (w == "LEADING", ParseSeparate());
                    break;
                case "REDEFINES":
                {
                    var r = Peek ?? throw Error(t, "REDEFINES: data name expected");
                    if (r.Kind != TokenKind.Word) throw Error(r, "REDEFINES: data name expected");
                    _pos++;
                    if (item.Level is 66 or 88) throw Error(t, "REDEFINES is not allowed on this level");
                    item.RedefinesName = r.Text.ToUpperInvariant();
                    break;
                }
                case "OCCURS":
                    item.Occurs = ParseOccurs(t, item);
                    break;
                case "VALUE":
                case "VALUES":
                    if (Peek is { } isV && (isV.Is("IS") || isV.Is("ARE"))) _pos++;
                    item.Value = ReadValue(t);
                    break;
                case "JUST":
                case "JUSTIFIED":
                    if (Peek is { } right && right.Is("RIGHT")) _pos++;
                    item.Justified = true;
                    break;
                case "SYNC":
                case "SYNCHRONIZED":
                    if (Peek is { } lr && (lr.Is("LEFT") || lr.Is("RIGHT"))) _pos++;
                    item.Synchronized = true;
                    break;
                case "BLANK":
                {
                    if (Peek is { } when && when.Is("WHEN")) _pos++;
                    var z = Peek ?? throw Error(t, "BLANK WHEN ZERO expected");
                    if (!(z.Is("ZERO") || z.Is("ZEROS") || z.Is("ZEROES"))) throw Error(z, "BLANK WHEN ZERO expected");
                    _pos++;
                    item.BlankWhenZero = true;
                    break;
                }
                case "RENAMES":
                {
                    var f = Peek ?? throw Error(t, "RENAMES: data name expected");
                    if (f.Kind != TokenKind.Word) throw Error(f, "RENAMES: data name expected");
                    _pos++;
                    item.RenamesFrom = f.Text.ToUpperInvariant();
                    if (Peek is { } th && (th.Is("THRU") || th.Is("THROUGH")))
                    {
                        _pos++;
                        var l = Peek ?? throw Error(th, "RENAMES THRU: data name expected");
                        if (l.Kind != TokenKind.Word) throw Error(l, "RENAMES THRU: data name expected");
                        _pos++;
                        item.RenamesThrough = l.Text.ToUpperInvariant();
                    }
                    break;
                }
                case "IS":
                    break;
                default:
                    throw Error(t, $"'{item.DisplayName}': unsupported or unknown clause '{t.Text}'");
            }
        }
    }

    private bool ParseSeparate()
    {
        if (Peek is { } s && s.Is("SEPARATE"))
        {
            _pos++;
            if (Peek is { } c && c.Is("CHARACTER")) _pos++;
            return true;
        }
        return false;
    }

    private OccursClause ParseOccurs(CopybookToken at, CopybookItem item)
    {
        int first = ReadInt(at, "OCCURS: integer expected");
        int min = first, max = first;
        var hasTo = false;
        string? depending = null;
        if (Peek is { } to && to.Is("TO"))
        {
            _pos++;
            max = ReadInt(to, "OCCURS m TO n: integer expected after TO");
            hasTo = true;
        }
        if (Peek is { } times && times.Is("TIMES")) _pos++;
        var keys = new List<string>();
        var indexes = new List<string>();
        while (Peek is { Kind: TokenKind.Word } t)
        {
            if (t.Is("DEPENDING"))
            {
                _pos++;
                if (Peek is { } on && on.Is("ON")) _pos++;
                var d = Peek ?? throw Error(t, "DEPENDING ON: data name expected");
                if (d.Kind != TokenKind.Word) throw Error(d, "DEPENDING ON: data name expected");
                _pos++;
                depending = d.Text.ToUpperInvariant();
                // qualified name: X OF Y (accepted, the first name is used)
                while (Peek is { } of && (of.Is("OF") || of.Is("IN"))) { _pos += 2; }
            }
            else if (t.Is("ASCENDING") || t.Is("DESCENDING"))
            {
                _pos++;
                if (Peek is { } k && k.Is("KEY")) _pos++;
                if (Peek is { } i && i.Is("IS")) _pos++;
                while (Peek is { Kind: TokenKind.Word } kn && !IsOccursKeyword(kn) && !ClauseWords.Contains(kn.Text))
                {
                    keys.Add(kn.Text.ToUpperInvariant());
                    _pos++;
                }
            }
            else if (t.Is("INDEXED"))
            {
                _pos++;
                if (Peek is { } by && by.Is("BY")) _pos++;
                while (Peek is { Kind: TokenKind.Word } ix && !IsOccursKeyword(ix) && !ClauseWords.Contains(ix.Text))
                {
                    indexes.Add(ix.Text.ToUpperInvariant());
                    _pos++;
                }
            }
            else break;
        }
        // OCCURS n DEPENDING ON x without TO: 1 TO n (IBM Enterprise COBOL "if integer-1 is omitted, a value of 1 is
        // assumed"; cobc -debug reports "minimum subscript 1" for a count of 0).
        if (!hasTo && depending is not null) min = 1;
        if (max < min || max < 1 && depending is null) throw Error(at, $"'{item.DisplayName}': invalid OCCURS {min} TO {max}");
        if (min != max && depending is null) throw Error(at, $"'{item.DisplayName}': OCCURS {min} TO {max} needs DEPENDING ON");
        if (item.Level is 1 or 77 or 66 or 88) throw Error(at, $"OCCURS is not allowed on level {item.Level:00}");
        return new OccursClause(min, max, depending, keys, indexes);
    }

    private static bool IsOccursKeyword(CopybookToken t) =>
        t.Is("DEPENDING") || t.Is("ASCENDING") || t.Is("DESCENDING") || t.Is("INDEXED") || t.Is("KEY") || t.Is("BY");

    private int ReadInt(CopybookToken at, string message)
    {
        var t = Peek ?? throw Error(at, message);
        if (t.Kind != TokenKind.Word || !int.TryParse(t.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int v)) throw Error(t, message);
        _pos++;
        return v;
    }

    private static CopybookUsage? ParseUsage(string word) => word.ToUpperInvariant() switch
    {
        "DISPLAY" => CopybookUsage.Display,
        "BINARY" or "COMP" or "COMPUTATIONAL" or "COMP-4" or "COMPUTATIONAL-4" => CopybookUsage.Binary,
        "COMP-5" or "COMPUTATIONAL-5" => CopybookUsage.NativeBinary,
        "COMP-3" or "COMPUTATIONAL-3" or "PACKED-DECIMAL" => CopybookUsage.PackedDecimal,
        "COMP-1" or "COMPUTATIONAL-1" or "FLOAT-SHORT" => CopybookUsage.FloatShort,
        "COMP-2" or "COMPUTATIONAL-2" or "FLOAT-LONG" => CopybookUsage.FloatLong,
        _ => null,
    };

    /// <summary>Inherits USAGE and SIGN from groups, and checks each entry.</summary>
    private static void Resolve(CopybookItem item, CopybookItem? parent, (bool Leading, bool Separate)? groupSign = null)
    {
        if (parent is not null && parent.DeclaredUsage is { } pu && item.DeclaredUsage is { } iu && pu != iu)
            throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': USAGE conflicts with the USAGE of its group");
        var usage = item.DeclaredUsage ?? parent?.Usage ?? CopybookUsage.Display;
        item.Usage = usage;
        var signClause = item.DeclaredSign ?? groupSign;

        if (item.Level == 66) return;
        if (item.Level == 77 && item.Children.Count > 0)
            throw new CopybookException(item.FileName, item.LineNumber, $"level 77 '{item.DisplayName}' cannot have subordinate items");
        if (item.Children.Count > 0)
        {
            if (item.Picture is not null)
                throw new CopybookException(item.FileName, item.LineNumber, $"group '{item.DisplayName}' cannot have a PICTURE");
            if (item.Justified || item.BlankWhenZero)
                throw new CopybookException(item.FileName, item.LineNumber, $"group '{item.DisplayName}': JUSTIFIED / BLANK WHEN ZERO apply to elementary items only");
            foreach (var c in item.Children) Resolve(c, item, signClause);
            return;
        }
        if (usage is CopybookUsage.FloatShort or CopybookUsage.FloatLong)
        {
            // COMP-1 / COMP-2: the usage is the whole description (cobc refuses a PICTURE with it)
            if (item.Picture is not null)
                throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': a COMP-1 / COMP-2 item has no PICTURE");
            if (item.DeclaredSign is not null || item.Justified || item.BlankWhenZero)
                throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': SIGN, JUSTIFIED and BLANK WHEN ZERO do not apply to COMP-1 / COMP-2");
            item.Sign = CopybookSign.None;
            return;
        }
        var pic = item.Picture ?? throw new CopybookException(item.FileName, item.LineNumber, $"elementary item '{item.DisplayName}' has no PICTURE clause");
        if (usage != CopybookUsage.Display && !pic.IsNumeric)
            throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': USAGE {usage} needs a numeric PICTURE (found '{pic.Text}')");
        if (usage is CopybookUsage.Binary or CopybookUsage.NativeBinary && pic.Digits > 18)
            throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': binary items of more than 18 digits are not supported");
        bool signedDisplay = pic.IsNumeric && pic.Signed && usage == CopybookUsage.Display;
        if (item.DeclaredSign is not null && !signedDisplay)
            throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': SIGN clause needs a signed numeric DISPLAY item (PIC S...)");
        if (signedDisplay)
        {
            var (leading, separate) = signClause ?? (false, false);
            item.Sign = (leading, separate) switch
            {
                (false, false) => CopybookSign.TrailingOverpunch,
                (true, false) => CopybookSign.LeadingOverpunch,
                (false, true) => CopybookSign.TrailingSeparate,
                _ => CopybookSign.LeadingSeparate,
            };
        }
        else
        {
            item.Sign = CopybookSign.None;
        }
        if (item.Justified && pic.IsNumeric)
            throw new CopybookException(item.FileName, item.LineNumber, $"'{item.DisplayName}': JUSTIFIED is not allowed on a numeric item");
    }
}
