#!/usr/bin/env python3
"""An ENTRYIN day written without any of this repository's code (issue 9, item 8: "a day generated independently").

Reads only the legacy's copybook layout (ENTRYREC, RECFM=F LRECL=250, packed fields sign C/D) and its reference tables
(for HTS numbers, Chapter 99 headings, AD/CVD cases, currencies), and draws its own distribution, unlike
`collections generate-day`: lines per entry from a long-tailed mix (many 1-3 line entries, some 20-80, a few 300-999),
entry dates spread over the 30 days before the run date, every currency of EXRATE.DAT plus USD, values scaled to the
currency (KRW/VND in the billions), Chapter 99 on about 60 % of lines, AD/CVD on about 8 %, SPI claims, and about 1 %
of records with a bad field (unknown HTS, bad country, non-numeric quantity, bad entry type) so the REJECTS path runs.

usage: independent-day.py OUTDIR [--records N] [--seed S] [--rundate CCYYMMDD] [--ref DIR]
Writes OUTDIR/ENTRYIN and OUTDIR/SYSIN (RUNDATE=...). Deterministic for a seed.
"""
import argparse, datetime, os, random
from decimal import Decimal as D


def pack(cents, digits):
    sign = 'D' if cents < 0 else 'C'
    s = str(abs(cents)).rjust(digits, '0')[-digits:]
    nib = s + sign
    if len(nib) % 2:
        nib = '0' + nib
    return bytes.fromhex(nib)


def x(s, n):
    return (s or '').ljust(n)[:n].encode('ascii')


def z(v, n):
    return str(v).rjust(n, '0')[-n:].encode('ascii')


def check_digit(ten):
    total = 0
    for pos, ch in enumerate(ten, start=1):
        v = int(ch) if ch.isdigit() else (ord(ch) - ord('A') + 1) % 10
        if pos % 2 == 0:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return (10 - total % 10) % 10


def read_ref(ref, name):
    with open(os.path.join(ref, name), encoding='ascii') as f:
        return [l.rstrip('\n') for l in f if l.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--records', type=int, default=500000)
    ap.add_argument('--seed', type=int, default=20261203)
    ap.add_argument('--rundate', default='20260302')
    ap.add_argument('--ref', default=os.path.join(os.path.dirname(__file__), '..', '..', 'shared', 'legacy', 'ref'))
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    tariff = sorted({(l[:10], l[50:53].strip()) for l in read_ref(a.ref, 'TARIFF.DAT')})
    # Chapter 99 rows: (heading, origin or **, from, to)
    ch99 = [(l[:10], l[11:13], int(l[14:22]), int(l[23:31])) for l in read_ref(a.ref, 'CH99.DAT')]
    cases = [(l[:10], l[11:13]) for l in read_ref(a.ref, 'ADCVD.DAT')]
    spis = [l[:2].strip() for l in read_ref(a.ref, 'SPI.DAT')]
    currencies = sorted({l[:3] for l in read_ref(a.ref, 'EXRATE.DAT')})
    # units of the currency per dollar, roughly: scales the foreign values
    scale = {'KRW': 1400, 'VND': 25000, 'JPY': 150, 'INR': 85, 'MXN': 18, 'CNY': 7, 'CAD': 1, 'CHF': 1, 'EUR': 1, 'GBP': 1}
    countries = ['CN', 'VN', 'KR', 'JP', 'DE', 'GB', 'MX', 'CA', 'IN', 'FR', 'IT', 'TW', 'TH', 'AU', 'CL', 'BR']
    units = ['NO', 'KG', 'DOZ', 'L', 'X', 'M2']

    def headings(ctry, day):
        # headings in force for the origin on the entry date, as a broker would claim them (mostly valid)
        ok = sorted({h for h, o, f, t in ch99 if o in ('**', ctry) and f <= day <= t})
        return ok if ok else [h for h, _, _, _ in ch99]
    types = ['01'] * 12 + ['03'] * 3 + ['11'] * 3 + ['02', '06', '07', '12', '31', '32', '34', '38']
    modes = [10, 11, 12, 20, 21, 30, 31, 32, 33, 34, 40, 41, 50, 60, 70]
    ports = [int(l[:4]) for l in read_ref(a.ref, 'HMFPORT.DAT')] + [2720, 4701, 3801, 3002, 2304, 5301, 2002, 2704]
    run = datetime.date(int(a.rundate[:4]), int(a.rundate[4:6]), int(a.rundate[6:]))
    filers = sorted(['A1B', 'C22', 'EH7', 'K9Z', 'M04', 'Q7Q', 'T31', 'W56', 'ZZ8'])
    serial = {f: rnd.randrange(100000, 5000000) for f in filers}

    def lines_per_entry():
        r = rnd.random()
        if r < 0.45:
            return rnd.randint(1, 3)
        if r < 0.85:
            return rnd.randint(4, 15)
        if r < 0.995:
            return rnd.randint(20, 80)
        return rnd.randint(300, 999)

    recs, entries, vhash = [], 0, 0
    fi = 0
    while len(recs) < a.records:
        n = lines_per_entry()
        fi = (fi + (1 if rnd.random() < 0.0002 else 0)) % len(filers)
        filer = filers[fi]
        serial[filer] += rnd.randint(1, 3)
        ten = filer + str(serial[filer]).rjust(7, '0')
        eno = ten + str(check_digit(ten))
        edate = run - datetime.timedelta(days=rnd.choice([0, 0, 0, 1, 2, 3, 4, 7, 10, 14, 21, 30]))
        xdate = edate - datetime.timedelta(days=rnd.randint(0, 60))
        cur = rnd.choice(currencies + ['USD', 'USD', 'USD', '   '])
        pay = rnd.choice([1, 1, 1, 2, 2, 6, 7])
        stmt = int((run + datetime.timedelta(days=rnd.randint(5, 20))).strftime('%Y%m%d')) if pay != 1 else 0
        etype = rnd.choice(types)
        if rnd.random() < 0.002:
            etype = '99'
        hdr = (b'H' + x(eno, 11) + x(etype, 2) + x('%02d-%09d' % (rnd.randint(10, 99), rnd.randint(0, 10**9 - 1)), 12)
               + z(rnd.choice(ports), 4) + z(edate.strftime('%Y%m%d'), 8) + z(xdate.strftime('%Y%m%d'), 8)
               + z(rnd.choice(modes), 2) + z(pay, 1) + z(stmt, 8) + x(cur, 3)
               + x(rnd.choice(['N', 'N', 'N', ' ', 'Y']), 1) + z(n, 3))
        recs.append(hdr.ljust(250, b' '))
        entries += 1
        mult = scale.get(cur, 1)
        for lno in range(1, n + 1):
            h, unit = rnd.choice(tariff)
            ctry = rnd.choice(countries)
            if rnd.random() < 0.003:
                h = '0000000000'
            if rnd.random() < 0.003:
                unit = rnd.choice(units)
            value = int(rnd.lognormvariate(9.5, 1.6) * 100) * mult
            value = min(value, 10**13 - 1)
            qty = rnd.randint(0, 200000) * 100
            kg = rnd.randint(1, 500000) * 100
            case = ''
            if rnd.random() < 0.08:
                case, ctry = rnd.choice(cases)
            k = 0
            pool = headings(ctry, int(edate.strftime('%Y%m%d')))
            if rnd.random() < 0.6:
                k = min(len(pool), rnd.choice([1, 1, 2, 2, 3]))
            c99 = rnd.sample(pool, k)
            spi = rnd.choice(spis) if rnd.random() < 0.15 else ''
            qbytes = pack(qty, 11)
            if rnd.random() < 0.002:
                qbytes = b'\x40' * 6
            if rnd.random() < 0.001:
                ctry = '1!'
            vhash += value
            r = (b'L' + x(eno, 11) + z(lno, 3) + x(h, 10) + x(ctry, 2) + x(spi, 2) + pack(value, 13)
                 + qbytes + x(unit, 3) + pack(kg, 11) + z(k, 1)
                 + b''.join(x(c, 10) for c in c99 + [''] * (3 - k)) + x(case, 10))
            recs.append(r.ljust(250, b' '))
    trailer = b'T' + z(len(recs), 7) + z(entries, 7) + pack(vhash % 10**17, 17)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, 'ENTRYIN'), 'wb') as f:
        f.writelines(recs)
        f.write(trailer.ljust(250, b' '))
    with open(os.path.join(a.out, 'SYSIN'), 'w', encoding='ascii') as f:
        f.write('RUNDATE=%s\n' % a.rundate)
    print('%s: %d records (%d entries, %d lines)' % (a.out, len(recs), entries, len(recs) - entries))


if __name__ == '__main__':
    main()
