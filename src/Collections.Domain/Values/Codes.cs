using System.Globalization;

namespace Collections.Domain.Values;

/// <summary>
/// A ten-digit HTSUS statistical reporting number (e.g. 7208510030). Ordered as text (the tariff table's key
/// order). Default value: <see cref="None"/> (empty), which no tariff row carries.
/// </summary>
public readonly struct HtsNumber : IEquatable<HtsNumber>, IComparable<HtsNumber>
{
    private readonly string? _digits;

    private HtsNumber(string digits) => _digits = digits;

    public static HtsNumber None => default;

    /// <summary>The ten digits ("" for <see cref="None"/>).</summary>
    public string Digits => _digits ?? "";

    /// <summary>Chapter (first two digits), e.g. 99 for a Chapter 99 heading.</summary>
    public int Chapter => _digits is null ? 0 : (_digits[0] - '0') * 10 + (_digits[1] - '0');

    public static bool TryParse(string? text, out HtsNumber hts)
    {
        hts = default;
        if (text is null || text.Length != 10) return false;
        foreach (var c in text) if (c is < '0' or > '9') return false;
        hts = new HtsNumber(text);
        return true;
    }

    public static HtsNumber Parse(string text) =>
        TryParse(text, out var h) ? h : throw new FormatException($"'{text}' is not a ten-digit HTS number");

    public bool Equals(HtsNumber other) => string.Equals(Digits, other.Digits, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is HtsNumber h && Equals(h);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Digits);
    public int CompareTo(HtsNumber other) => string.CompareOrdinal(Digits, other.Digits);
    public static bool operator ==(HtsNumber a, HtsNumber b) => a.Equals(b);
    public static bool operator !=(HtsNumber a, HtsNumber b) => !a.Equals(b);
    public static bool operator <(HtsNumber a, HtsNumber b) => a.CompareTo(b) < 0;
    public static bool operator >(HtsNumber a, HtsNumber b) => a.CompareTo(b) > 0;
    public static bool operator <=(HtsNumber a, HtsNumber b) => a.CompareTo(b) <= 0;
    public static bool operator >=(HtsNumber a, HtsNumber b) => a.CompareTo(b) >= 0;

    /// <summary>"9903.88.01.00"-style display is not used by the legacy; the ten digits are returned.</summary>
    public override string ToString() => Digits;
}

/// <summary>
/// A CBP Schedule D port code: four digits (e.g. 2704). Default value: port 0000 (not a real port).
/// </summary>
public readonly struct PortCode : IEquatable<PortCode>, IComparable<PortCode>
{
    private readonly short _code;

    private PortCode(short code) => _code = code;

    public int Code => _code;

    public static bool TryCreate(int code, out PortCode port)
    {
        port = default;
        if (code is < 0 or > 9999) return false;
        port = new PortCode((short)code);
        return true;
    }

    public static bool TryParse(string? text, out PortCode port)
    {
        port = default;
        if (text is null || text.Length != 4) return false;
        int v = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return false;
            v = v * 10 + (c - '0');
        }
        port = new PortCode((short)v);
        return true;
    }

    public static PortCode Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a four-digit port code");

    public bool Equals(PortCode other) => _code == other._code;
    public override bool Equals(object? obj) => obj is PortCode p && Equals(p);
    public override int GetHashCode() => _code;
    public int CompareTo(PortCode other) => _code.CompareTo(other._code);
    public static bool operator ==(PortCode a, PortCode b) => a._code == b._code;
    public static bool operator !=(PortCode a, PortCode b) => a._code != b._code;
    public static bool operator <(PortCode a, PortCode b) => a._code < b._code;
    public static bool operator >(PortCode a, PortCode b) => a._code > b._code;
    public static bool operator <=(PortCode a, PortCode b) => a._code <= b._code;
    public static bool operator >=(PortCode a, PortCode b) => a._code >= b._code;

    /// <summary>Four digits, e.g. "0401".</summary>
    public override string ToString() => _code.ToString("D4", CultureInfo.InvariantCulture);
}

/// <summary>
/// An ISO 4217 currency code: three upper-case ASCII letters. The legacy treats a blank currency as U.S.
/// dollars. Default value: <see cref="Usd"/>.
/// </summary>
public readonly struct CurrencyCode : IEquatable<CurrencyCode>, IComparable<CurrencyCode>
{
    private readonly string? _code;

    private CurrencyCode(string code) => _code = code;

    /// <summary>U.S. dollar (also the default value).</summary>
    public static CurrencyCode Usd => default;

    public string Code => _code ?? "USD";
    public bool IsUsd => Code == "USD";

    public static bool TryParse(string? text, out CurrencyCode currency)
    {
        currency = default;
        if (text is null || text.Length != 3) return false;
        foreach (var c in text) if (c is < 'A' or > 'Z') return false;
        currency = text == "USD" ? default : new CurrencyCode(text);
        return true;
    }

    public static CurrencyCode Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a three-letter currency code");

    public bool Equals(CurrencyCode other) => string.Equals(Code, other.Code, StringComparison.Ordinal);
    public override bool Equals(object? obj) => obj is CurrencyCode c && Equals(c);
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);
    public int CompareTo(CurrencyCode other) => string.CompareOrdinal(Code, other.Code);
    public static bool operator ==(CurrencyCode a, CurrencyCode b) => a.Equals(b);
    public static bool operator !=(CurrencyCode a, CurrencyCode b) => !a.Equals(b);
    public static bool operator <(CurrencyCode a, CurrencyCode b) => a.CompareTo(b) < 0;
    public static bool operator >(CurrencyCode a, CurrencyCode b) => a.CompareTo(b) > 0;
    public static bool operator <=(CurrencyCode a, CurrencyCode b) => a.CompareTo(b) <= 0;
    public static bool operator >=(CurrencyCode a, CurrencyCode b) => a.CompareTo(b) >= 0;

    public override string ToString() => Code;
}
