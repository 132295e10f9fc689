#!/usr/bin/env python3
"""An EBCDIC (cp037) export written WITHOUT the library under test: Python's own cp037 codec, IBM packed
decimal, EBCDIC zoned decimal with C/D/F sign zones, big-endian two's-complement binary, SIGN LEADING SEPARATE.
Writes DATA (fixed 129-byte records) and EXPECTED (one JSON object per record: the leaf names as the decoder's
JSON nests them, "NAME(i)" for OCCURS, and the exact decimal value at the PIC's scale as a string).

usage: make_export.py OUTDIR SEED COUNT
"""
import json, os, random, sys

out, seed, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(seed)

def text(s, n):
    b = s.encode('cp037')
    assert len(b) <= n
    return b + b'\x40' * (n - len(b))

def packed(v, digits, signed):
    nbytes = digits // 2 + 1
    ds = str(abs(v)).rjust(nbytes * 2 - 1, '0')
    assert len(ds) == nbytes * 2 - 1, (v, digits)
    sign = (0xD if v < 0 else 0xC) if signed else 0xF
    if signed and v >= 0 and rnd.random() < 0.1:
        sign = 0xF            # a positive value with the unsigned sign F, as IBM hardware accepts it
    nib = [int(c) for c in ds] + [sign]
    return bytes((nib[i] << 4) | nib[i + 1] for i in range(0, len(nib), 2))

def zoned(v, digits, signed):
    ds = str(abs(v)).rjust(digits, '0')
    assert len(ds) == digits
    b = bytearray(0xF0 + int(c) for c in ds)
    if signed:
        zone = 0xD0 if v < 0 else (0xC0 if rnd.random() < 0.8 else 0xF0)
        b[-1] = zone | int(ds[-1])
    return bytes(b)

def leading_sep(v, digits):
    return (b'\x60' if v < 0 else b'\x4e') + bytes(0xF0 + int(c) for c in str(abs(v)).rjust(digits, '0'))

def binary(v, nbytes, signed):
    return v.to_bytes(nbytes, 'big', signed=signed)

def dec(v, scale):
    """The decoder's JSON: exact value, sign only when negative, no leading zeros, scale digits after the point."""
    neg = v < 0
    s = str(abs(v)).rjust(scale + 1, '0')
    s = s if scale == 0 else s[:-scale] + '.' + s[-scale:]
    return ('-' if neg and v != 0 else '') + s

def rnum(digits, signed):
    kind = rnd.random()
    top = 10 ** digits - 1
    if kind < 0.1: v = top
    elif kind < 0.2: v = 0
    elif kind < 0.5: v = rnd.randint(0, 10 ** rnd.randint(1, digits) - 1)
    else: v = rnd.randint(0, top)
    return -v if signed and rnd.random() < 0.5 else v

ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz0123456789.,-/&'()éàüñÇ"

def rtext(n):
    return ''.join(rnd.choice(ALPHA) for _ in range(rnd.randint(0, n)))

data = bytearray()
expected = []
for seq in range(1, count + 1):
    kind = rnd.choice('AAB') if seq < count else 'T'
    rec = bytearray()
    e = {'REC-TYPE': kind, 'REC-SEQ': dec(seq, 0)}
    rec += text(kind, 1) + zoned(seq, 8, False)
    if kind == 'A':
        name = rtext(30)
        p1, p2, z1, z2 = rnum(18, True), rnum(6, False), rnum(11, True), rnum(18, True)
        b1, b2, b3, b4 = rnum(4, True), rnum(9, True), rnum(18, True), rnum(9, False)
        date = rnd.randint(19000101, 20991231)
        body = (text(name, 30) + packed(p1, 18, True) + packed(p2, 6, False) + zoned(z1, 11, True) + zoned(z2, 18, True)
                + binary(b1, 2, True) + binary(b2, 4, True) + binary(b3, 8, True) + binary(b4, 4, False)
                + zoned(date, 8, False) + text('', 21))
        e.update({'A-NAME': name.ljust(30), 'A-P1': dec(p1, 1), 'A-P2': dec(p2, 2), 'A-Z1': dec(z1, 2), 'A-Z2': dec(z2, 0),
                  'A-B1': dec(b1, 0), 'A-B2': dec(b2, 2), 'A-B3': dec(b3, 4), 'A-B4': dec(b4, 0), 'A-DATE': dec(date, 0)})
    elif kind == 'B':
        body = bytearray()
        for i in range(1, 5):
            code, amt, qty, rate = rtext(3), rnum(9, True), rnum(5, True), rnum(4, True)
            body += text(code, 3) + packed(amt, 9, True) + leading_sep(qty, 5) + binary(rate, 2, True)
            e.update({f'B-CODE({i})': code.ljust(3), f'B-AMT({i})': dec(amt, 2), f'B-QTY({i})': dec(qty, 0), f'B-RATE({i})': dec(rate, 4)})
        total, note = rnum(17, True), rtext(47)
        body += packed(total, 17, True) + text(note, 47)
        e.update({'B-TOTAL': dec(total, 2), 'B-NOTE': note.ljust(47)})
    else:
        hashv = rnum(17, True)
        body = binary(count, 4, False) + packed(hashv, 17, True) + text('', 107)
        e.update({'T-COUNT': dec(count, 0), 'T-HASH': dec(hashv, 0)})
    assert len(body) == 120, (kind, len(body))
    rec += body
    data += rec
    expected.append(e)

with open(os.path.join(out, 'EXPORT.DAT'), 'wb') as f:
    f.write(data)
with open(os.path.join(out, 'EXPECTED.jsonl'), 'w', encoding='utf-8') as f:
    for e in expected:
        f.write(json.dumps(e, ensure_ascii=False) + '\n')
