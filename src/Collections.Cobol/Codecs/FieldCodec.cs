using System.Globalization;
using System.Runtime.CompilerServices;
using Collections.Cobol.Text;

namespace Collections.Cobol.Codecs;

/// <summary>The storage class of an elementary COBOL field.</summary>
public enum FieldKind
{
    /// <summary>PIC X / A (and group items read as text) through a <see cref="CodePage"/>.</summary>
    Alphanumeric,

    /// <summary>USAGE DISPLAY numeric (zoned decimal).</summary>
    Zoned,

    /// <summary>COMP-3 / PACKED-DECIMAL.</summary>
    Packed,

    /// <summary>COMP, COMP-4, BINARY (big-endian) and COMP-5 (native little-endian).</summary>
    Binary,

    /// <summary>COMP-1 / COMP-2 floating point (<see cref="Codecs.FloatFormat"/>): no unscaled value, decoded to the
    /// shortest round-trip decimal text (<see cref="FieldCodec.DecodeText"/>) or a double (<see cref="FieldCodec.DecodeValue"/>).</summary>
    Float,
}

/// <summary>What a binary field's decoder does with a stored value that has more digits than its PIC.</summary>
public enum BinaryPicPolicy
{
    /// <summary>An error (strict): the value cannot have been stored by cobc with binary truncation on.</summary>
    Strict,

    /// <summary>The full stored value, as cobc's MOVE from the field reads it (and as COMP-5 always is).</summary>
    FullValue,

    /// <summary>High-order truncation to the PIC digits, as cobc's DISPLAY of the field shows it.</summary>
    Truncate,
}

/// <summary>
/// How one elementary field is stored: kind, length, digits, scale and sign convention. Decodes and encodes a field
/// span without allocating (except the text and boxed-value accessors). Immutable; create with the factories.
/// </summary>
public sealed class FieldCodec
{
    private static readonly long[] Pow10 = BuildPow10();

    private FieldCodec(FieldKind kind, int length, int digits, int scale, bool signed)
    {
        Kind = kind;
        Length = length;
        Digits = digits;
        Scale = scale;
        Signed = signed;
    }

    public FieldKind Kind { get; }

    /// <summary>Bytes of storage.</summary>
    public int Length { get; }

    /// <summary>Digit positions of the PIC (0 for alphanumeric).</summary>
    public int Digits { get; }

    /// <summary>Decimal places (V), negative for P scaling on the right.</summary>
    public int Scale { get; }

    public bool Signed { get; }

    public SignPlacement SignPlacement { get; private init; }

    public OverpunchStyle OverpunchStyle { get; private init; }

    public PackedSignPolicy PackedSignPolicy { get; private init; }

    /// <summary>Binary: true for COMP/COMP-4/BINARY (big-endian), false for COMP-5 (native little-endian).</summary>
    public bool BigEndian { get; private init; } = true;

    public BinaryPicPolicy BinaryPicPolicy { get; private init; }

    /// <summary>Alphanumeric: the code page (numeric fields: null).</summary>
    public CodePage? CodePage { get; private init; }

    /// <summary>Float: IBM hexadecimal or IEEE 754 (byte order in <see cref="BigEndian"/>).</summary>
    public FloatFormat FloatFormat { get; private init; }

    public bool IsNumeric => Kind != FieldKind.Alphanumeric;

    public static FieldCodec Alphanumeric(int length, CodePage codePage)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentNullException.ThrowIfNull(codePage);
        return new FieldCodec(FieldKind.Alphanumeric, length, 0, 0, false) { CodePage = codePage };
    }

    public static FieldCodec Zoned(int digits, int scale, SignPlacement sign, OverpunchStyle style)
    {
        CheckDigits(digits, scale);
        return new FieldCodec(FieldKind.Zoned, ZonedDecimal.ByteLength(digits, sign), digits, scale, sign != SignPlacement.Unsigned)
        {
            SignPlacement = sign,
            OverpunchStyle = style,
            _plainZone = sign == SignPlacement.Unsigned ? (style == OverpunchStyle.Ebcdic ? 0xF0u : 0x30u) : 0u,
        };
    }

    // unsigned zoned fields: the zone of a plain digit (0x30 or 0xF0), else 0
    private uint _plainZone;

    public static FieldCodec Packed(int digits, int scale, bool signed, PackedSignPolicy policy = PackedSignPolicy.Strict)
    {
        CheckDigits(digits, scale);
        return new FieldCodec(FieldKind.Packed, PackedDecimal.ByteLength(digits), digits, scale, signed) { PackedSignPolicy = policy };
    }

    /// <summary>A binary field. <paramref name="byteLength"/> from <see cref="BinaryInteger.ByteLengthFor"/>;
    /// <paramref name="bigEndian"/> false for COMP-5.</summary>
    public static FieldCodec Binary(int digits, int scale, bool signed, int byteLength, bool bigEndian = true,
        BinaryPicPolicy picPolicy = BinaryPicPolicy.Strict)
    {
        CheckDigits(digits, scale);
        if (byteLength is not (1 or 2 or 4 or 8))
            throw new ArgumentOutOfRangeException(nameof(byteLength), byteLength, "binary length must be 1, 2, 4 or 8");
        return new FieldCodec(FieldKind.Binary, byteLength, digits, scale, signed) { BigEndian = bigEndian, BinaryPicPolicy = picPolicy };
    }

    /// <summary>A COMP-1 (4 bytes) or COMP-2 (8 bytes) field.</summary>
    public static FieldCodec Float(int byteLength, FloatFormat format, bool bigEndian)
    {
        if (byteLength is not (4 or 8))
            throw new ArgumentOutOfRangeException(nameof(byteLength), byteLength, "a floating-point field is 4 or 8 bytes");
        if (!Enum.IsDefined(format)) throw new ArgumentOutOfRangeException(nameof(format), format, "unknown floating-point format");
        return new FieldCodec(FieldKind.Float, byteLength, 0, 0, true) { FloatFormat = format, BigEndian = bigEndian };
    }

    /// <summary>The unscaled integer of a numeric field; <see cref="CobolDataException"/> on invalid data.
    /// A floating-point field has none (<see cref="InvalidOperationException"/>).</summary>
    public long DecodeUnscaled(ReadOnlySpan<byte> field)
    {
        if (field.Length != Length) ThrowLength(field.Length);
        long value;
        if (_plainZone != 0 && field.Length < 8)
        {
            // unsigned zoned of up to 7 digits (dates, counts, codes): the common short case, inline
            ulong acc = 0;
            var ok = true;
            unchecked
            {
                foreach (var b in field)
                {
                    var x = (uint)b - _plainZone;
                    ok &= x <= 9;
                    acc = acc * 10 + x;
                }
            }
            if (ok) return (long)acc;
        }
        switch (Kind)
        {
            case FieldKind.Packed:
                if (!PackedDecimal.DecodeInt64(field, Digits, Signed, PackedSignPolicy, out value))
                    return PackedDecimal.Decode(field, Digits, Signed, PackedSignPolicy); // throws with the diagnosis
                return value;
            case FieldKind.Zoned:
                if (!ZonedDecimal.DecodeInt64(field, Digits, SignPlacement, OverpunchStyle, out value))
                    return ZonedDecimal.Decode(field, Digits, SignPlacement, OverpunchStyle); // throws with the diagnosis
                return value;
            case FieldKind.Binary:
                return DecodeBinary(field);
            case FieldKind.Float:
                throw new InvalidOperationException("a floating-point field has no unscaled value (DecodeText or DecodeValue)");
            default:
                throw new InvalidOperationException("an alphanumeric field has no numeric value");
        }
    }

    /// <summary>False on invalid data instead of an exception.</summary>
    public bool TryDecodeUnscaled(ReadOnlySpan<byte> field, out long unscaled)
    {
        switch (Kind)
        {
            case FieldKind.Packed:
                return PackedDecimal.TryDecode(field, Digits, Signed, out unscaled, PackedSignPolicy);
            case FieldKind.Zoned:
                return ZonedDecimal.TryDecode(field, Digits, SignPlacement, OverpunchStyle, out unscaled);
            case FieldKind.Binary:
                try
                {
                    unscaled = DecodeBinary(field);
                    return true;
                }
                catch (CobolDataException)
                {
                    unscaled = 0;
                    return false;
                }
            case FieldKind.Float:
                throw new InvalidOperationException("a floating-point field has no unscaled value (DecodeText or DecodeValue)");
            default:
                throw new InvalidOperationException("an alphanumeric field has no numeric value");
        }
    }

    /// <summary>The value as a <see cref="decimal"/> (exact: at most 18 digits).</summary>
    public decimal DecodeDecimal(ReadOnlySpan<byte> field)
    {
        var unscaled = DecodeUnscaled(field);
        if (Scale >= 0) return ToDecimal(unscaled, Scale);
        return (decimal)unscaled * Pow10[-Scale];
    }

    /// <summary>Numeric: exact text at the PIC scale ("-919.00"); floating point: the shortest decimal that converts
    /// back to the same value ("322.93671"). Alphanumeric: the decoded text, trailing spaces kept.</summary>
    public string DecodeText(ReadOnlySpan<byte> field) => Kind switch
    {
        FieldKind.Alphanumeric => CodePage!.Decode(field),
        FieldKind.Float => FloatingPoint.Decode(CheckedLength(field), FloatFormat, BigEndian),
        _ => FixedPoint.Format(DecodeUnscaled(field), Scale),
    };

    /// <summary>Boxed value: <see cref="decimal"/> for numerics, <see cref="double"/> for floating point (the nearest),
    /// <see cref="string"/> for alphanumerics.</summary>
    public object DecodeValue(ReadOnlySpan<byte> field)
    {
        switch (Kind)
        {
            case FieldKind.Alphanumeric:
                return CodePage!.Decode(field);
            case FieldKind.Float:
                if (!FloatingPoint.TryRead(CheckedLength(field), FloatFormat, BigEndian, out var bits, out var error)) throw new CobolDataException(error!, field);
                return FloatingPoint.ToDouble(bits, Length, FloatFormat);
            default:
                return DecodeDecimal(field);
        }
    }

    /// <summary>The CLR type of <see cref="DecodeValue"/>.</summary>
    public Type ValueType => Kind switch
    {
        FieldKind.Alphanumeric => typeof(string),
        FieldKind.Float => typeof(double),
        _ => typeof(decimal),
    };

    private ReadOnlySpan<byte> CheckedLength(ReadOnlySpan<byte> field)
    {
        if (field.Length != Length) ThrowLength(field.Length);
        return field;
    }

    /// <summary>Encodes an unscaled value; <see cref="ArgumentOutOfRangeException"/> if it does not fit the PIC.</summary>
    public void EncodeUnscaled(long unscaled, Span<byte> field)
    {
        switch (Kind)
        {
            case FieldKind.Packed:
                PackedDecimal.Encode(unscaled, field, Digits, Signed);
                break;
            case FieldKind.Zoned:
                ZonedDecimal.Encode(unscaled, field, Digits, SignPlacement, OverpunchStyle);
                break;
            case FieldKind.Binary:
                if (Digits <= 18 && Math.Abs(unscaled) >= Pow10[Digits] && BinaryPicPolicy != BinaryPicPolicy.FullValue)
                    throw new ArgumentOutOfRangeException(nameof(unscaled), unscaled, $"value does not fit in {Digits} digits");
                BinaryInteger.Encode(unscaled, field, Length, Signed, BigEndian);
                break;
            case FieldKind.Float:
                throw new NotSupportedException("encoding floating-point fields is not supported");
            default:
                throw new InvalidOperationException("use EncodeText for an alphanumeric field");
        }
    }

    /// <summary>Alphanumeric: encodes text left-justified, space-padded. Numeric: parses exact decimal text at the scale.</summary>
    public void EncodeText(ReadOnlySpan<char> text, Span<byte> field)
    {
        if (Kind == FieldKind.Alphanumeric)
        {
            CodePage!.Encode(text, field);
            return;
        }
        if (!FixedPoint.TryParse(text, Scale, out var unscaled))
            throw new ArgumentException($"'{text.ToString()}' is not a decimal number with at most {Math.Max(Scale, 0)} decimals", nameof(text));
        EncodeUnscaled(unscaled, field);
    }

    public override string ToString() => Kind switch
    {
        FieldKind.Alphanumeric => string.Create(CultureInfo.InvariantCulture, $"X({Length}) {CodePage}"),
        FieldKind.Float => string.Create(CultureInfo.InvariantCulture, $"{(Length == 4 ? "COMP-1" : "COMP-2")} {FloatFormat} {(BigEndian ? "big" : "little")}-endian"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Kind} {(Signed ? "S" : "")}{Digits} digits scale {Scale} ({Length} bytes)"),
    };

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void ThrowLength(int length) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{this} is {Length} bytes, got {length}"), "field");

    private long DecodeBinary(ReadOnlySpan<byte> field)
    {
        var value = BinaryInteger.Decode(field, Length, Signed, BigEndian);
        if (Digits < 19 && (value >= Pow10[Digits] || value <= -Pow10[Digits]))
        {
            switch (BinaryPicPolicy)
            {
                case BinaryPicPolicy.Strict:
                    throw new CobolDataException(string.Create(CultureInfo.InvariantCulture,
                        $"binary value {value} has more than the {Digits} digits of its PIC"), field);
                case BinaryPicPolicy.Truncate:
                    return value % Pow10[Digits];
            }
        }
        return value;
    }

    private static decimal ToDecimal(long unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? unchecked(0UL - (ulong)unscaled) : (ulong)unscaled;
        return new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, negative, (byte)scale);
    }

    private static void CheckDigits(int digits, int scale)
    {
        if (digits is < 1 or > 18) throw new ArgumentOutOfRangeException(nameof(digits), digits, "digits must be 1..18");
        if (scale is > 18 or < -18) throw new ArgumentOutOfRangeException(nameof(scale), scale, "scale must be -18..18");
    }

    private static long[] BuildPow10()
    {
        var p = new long[19];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++) p[i] = p[i - 1] * 10;
        return p;
    }
}
