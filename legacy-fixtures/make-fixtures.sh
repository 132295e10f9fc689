#!/usr/bin/env bash
# Rebuilds every fixture set in legacy-fixtures/ (except register/, owned by the harness) from scratch:
# generates the input days with `collections generate-day`, builds the garbage cases with the legacy's own
# tests/garbage/make_cases.py, and captures each with `collections parity capture`.
# Needs: the built CLI (dotnet build src/Collections.Cli), cobc, python3, the legacy at ACS_LEGACY_HOME
# (default ../shared/legacy). A single fixture is re-captured with
#   collections parity capture --recapture legacy-fixtures/NAME
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
export ACS_LEGACY_HOME=${ACS_LEGACY_HOME:-$(cd "$ROOT/../shared/legacy" && pwd)}
CLI=${CLI:-"$ROOT/src/Collections.Cli/bin/Debug/net10.0/collections"}
[ -x "$CLI" ] || { echo "build the CLI first: dotnet build src/Collections.Cli" >&2; exit 2; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
F=$HERE
gen() { "$CLI" generate-day "$@" > /dev/null; }
capture() { "$CLI" parity capture "$@"; }

# --- the legacy's sample days, as a chain --------------------------------------------------------------
capture --input "$ACS_LEGACY_HOME/sample/2026-03-02/in" --rundate 20260302 --out "$F/sample-2026-03-02" \
  --description "The legacy's sample day 1 (sample/tools/make_sample.py); first cycle, no prior master"
capture --input "$ACS_LEGACY_HOME/sample/2026-03-03/in" --rundate 20260303 --out "$F/sample-2026-03-03" \
  --prior "$F/sample-2026-03-02" \
  --description "The legacy's sample day 2 on sample day 1's master: payments exact, partial, unknown reference, bad reference type"

# --- generated days that reach every branch of CLV100/CLV200 ---------------------------------------------
gen --rundate 20251001 --entries 110 --seed 20251001 --mean-lines 2 --out "$WORK/fy"
capture --input "$WORK/fy" --rundate 20251001 --out "$F/gen-coverage-fy-boundary-20251001" \
  --description "Coverage day on the fiscal-year boundary: entries dated 2025-09-30 (FY2025 MPF 32.71/634.62) and 2025-10-01 (FY2026 33.58/651.50); MPF under/at/over min and max, proration, HMF 3.00 rule, every SPI, currency, 5% rule both ways, Chapter 99, AD/CVD, tariff row, PIC limits. Clean: RC 0"
gen --rundate 20260224 --entries 110 --seed 20260224 --mean-lines 2 --out "$WORK/c99"
capture --input "$WORK/c99" --rundate 20260224 --out "$F/gen-coverage-ch99-boundary-20260224" \
  --description "Coverage day on the Chapter 99 boundary: IEEPA 9903.01.25 in force to 2026-02-23, Section 122 9903.03.01 from 2026-02-24; entries dated both days; every branch as the FY day. Clean: RC 0"
gen --rundate 20260302 --entries 100 --seed 4242 --mean-lines 2 --no-scenarios --invalid-rate 0.25 --out "$WORK/rej"
capture --input "$WORK/rej" --rundate 20260302 --out "$F/gen-rejects-every-reason-20260302" \
  --description "Random day with planted defects of every kind CLV100 rejects or warns about (R001, H001-H015, L001-L013, W001, W002; bad packed nibbles, blank numerics); input/generation.json lists each defect and its record. RC 4"
for te in count entries hash non-numeric missing short-last after-trailer
do
  gen --rundate 20260302 --entries 6 --seed 99 --mean-lines 2 --no-scenarios --trailer-error "$te" --out "$WORK/t-$te"
  capture --input "$WORK/t-$te" --rundate 20260302 --out "$F/gen-trailer-$te" \
    --description "Six valid entries and a file-level defect that stops the run: trailer-error $te. RC 8"
done

# --- a three-day chain with payments against the prior day's open items ---------------------------------
gen --rundate 20260302 --entries 100 --seed 302 --mean-lines 2 --out "$WORK/ch1"
capture --input "$WORK/ch1" --rundate 20260302 --out "$F/gen-chain-1-20260302" \
  --description "Chain day 1 and coverage day after the Q1 2026 daily rates: every scenario of the coverage days on 2026-03-02 incl. the 5% rule met by GBP 2026-02-17 (5.14), KRW 2026-01-20 (6.42) and MXN 2026-02-27 (exactly 5.00); first cycle. Clean: RC 0"
gen --rundate 20260303 --entries 40 --seed 303 --mean-lines 2 --no-scenarios --payments-from "$F/gen-chain-1-20260302/output" --out "$WORK/ch2"
capture --input "$WORK/ch2" --rundate 20260303 --out "$F/gen-chain-2-20260303" --prior "$F/gen-chain-1-20260302" \
  --description "Chain day 2: payments against day 1's open items (exact, partial, over, split in two, unknown references)"
gen --rundate 20260304 --entries 40 --seed 304 --mean-lines 2 --no-scenarios --payments-from "$F/gen-chain-2-20260303/output" --invalid-rate 0.05 --out "$WORK/ch3"
capture --input "$WORK/ch3" --rundate 20260304 --out "$F/gen-chain-3-20260304" --prior "$F/gen-chain-2-20260303" \
  --description "Chain day 3: payments against day 2's master, with payments CLV400 suspends (S001-S007) and a few rejected records"

# --- five-day chains through the calendar edges CLV300/CLV400 care about -----------------------------------
# Each day's OPENITEM is the next day's old master; later days pay the prior master with the crafted CLV400
# payment scenarios (--payment-scenarios) and random payments; a share of entries is dated 35-100 days back
# (--aged-entries) so CLV400 bills items more than 30 days past due with interest.
# chain NAME DESCRIPTION-PREFIX REF FIRST-ENTRIES DATE... (day 3 also carries invalid payments and entries)
chain() {
  local name=$1 what=$2 ref=$3 first=$4; shift 4
  local i=0 prev="" d extra
  for d in "$@"; do
    i=$((i+1))
    if [ -z "$prev" ]; then
      gen --rundate "$d" --entries "$first" --seed "$d" --mean-lines 2 --no-scenarios --aged-entries 0.3 --ref "$ref" --out "$WORK/$name-$i"
      capture --input "$WORK/$name-$i" --rundate "$d" --out "$F/$name-$i-$d" ${ref:+--ref "$ref"} \
        --description "$what, day $i of 5 ($d): first cycle (no old master); entries incl. aged ones billed with interest at once"
    else
      extra=(); [ "$i" = 3 ] && extra=(--invalid-rate 0.05)
      gen --rundate "$d" --entries 8 --seed "$d" --mean-lines 2 --no-scenarios --aged-entries 0.3 --ref "$ref" \
        --payments-from "$F/$name-$((i-1))-$prev/output" --payment-scenarios "${extra[@]}" --out "$WORK/$name-$i"
      capture --input "$WORK/$name-$i" --rundate "$d" --out "$F/$name-$i-$d" --prior "$F/$name-$((i-1))-$prev" ${ref:+--ref "$ref"} \
        --description "$what, day $i of 5 ($d) on day $((i-1))'s master: CLV400 payment scenarios (on time, late with interest, partial, over, split, duplicate, after closing, closed earlier, refund-only reference, unknown references)${extra:+; invalid payments S002-S007 and rejected entry records}"
    fi
    prev=$d
  done
}
LEGREF="$ACS_LEGACY_HOME/ref"
chain chain-ye "Year-end chain 2024/2025: month, quarter and year end, the 8% -> 7% interest rate change on 2025-01-01 (late payments and bills across it), holidays 2024-12-25 and 2025-01-01" \
  "$LEGREF" 20 20241227 20241230 20241231 20250102 20250103
chain chain-fy "Fiscal-year chain 2025: month and quarter end, FY2025 -> FY2026 (MPF 32.71/634.62 -> 33.58/651.50 on entries dated from 2025-10-01)" \
  "$LEGREF" 20 20250926 20250929 20250930 20251001 20251002
# 2028: the suite's INTRATE.DAT ends 2027-12-31; the chain runs with a copy that adds two assumed 7% quarters of 2028
mkdir -p "$WORK/ref2028"; cp "$LEGREF"/* "$WORK/ref2028/"
printf '20280101 20280331 07000 07000 ASSUMED\n20280401 20280630 07000 07000 ASSUMED\n' >> "$WORK/ref2028/INTRATE.DAT"
chain chain-leap "Leap-year chain 2028 (ref/ = the suite's tables + INTRATE 2028 Q1-Q2 assumed 7%): month end and 2028-02-29 (daily interest over 366 days at rate/365; PMS entries dated 02-29 fall in the March period: CLV300's month-end table has 28 days for February)" \
  "$WORK/ref2028" 20 20280224 20280225 20280228 20280229 20280301
capture --input "$F/chain-leap-5-20280301/input" --rundate 20280301 --out "$F/chain-leap-x-20280301-intrate-ends-2027" --prior "$F/chain-leap-4-20280229" \
  --description "Leap chain day 5's inputs with the suite's own tables: INTRATE.DAT ends 2027-12-31, so every interest computation prints CLV8511E NO INTEREST RATE for each day of 2028 in its period (rate 0) and CLV400 ends with RC 8: CLV500 NOT RUN"

# --- damaged old masters for CLV400 (collections damage-master) -------------------------------------------
BASE="$F/chain-fy-2-20250929/output"
gen --rundate 20250930 --entries 4 --seed 930 --mean-lines 2 --no-scenarios --payments-from "$BASE" --payment-scenarios --out "$WORK/master-day"
master_case() {
  local name=$1 defect=$2 expect=$3 what
  rm -rf "$WORK/$name"; cp -r "$WORK/master-day" "$WORK/$name"
  what=$("$CLI" damage-master --master "$BASE/OPENITEM" --defect "$defect" --payments "$WORK/$name/PAYMENTS" --out "$WORK/$name.OPENITEM")
  capture --input "$WORK/$name" --rundate 20250930 --out "$F/garbage-$name" --prior-master "$WORK/$name.OPENITEM" \
    --description "Old master damaged ($defect, from chain-fy-2-20250929's OPENITEM): $what; payments from the crafted scenarios" --expected "$expect"
}
master_case M01-MASTER-TRUNCATED truncated "CLV400 RC 16: READ of the short last record gives file status 04 (CLV9901E), outputs left as written so far"
master_case M02-MASTER-OUT-OF-SEQUENCE out-of-sequence "CLV400 RC 8: CLV4101E, the rest of the old master ignored (its payments to suspense S001); CLV500 NOT RUN"
master_case M03-MASTER-ITEM-TYPE item-type "CLV400 RC 4: CLV4511W, the item dropped, its payments to suspense S001"
master_case M04-MASTER-BAD-PACKED bad-packed "CLV400 RC 4: libcob arithmetic on an invalid packed balance and on a blank amount paid, carried into the new master"
master_case M05-MASTER-BAD-DATES bad-dates "CLV400 RC 4: dates that are not dates carried unchanged into the new master"
master_case M06-MASTER-DUE-BEFORE-RATE-TABLE due-before-rate-table "CLV400 RC 8: the item is billed, CLV8511E for each day 2022-09-02..2022-09-30 (no rate), CLV500 NOT RUN"

# --- the legacy's garbage-input cases (tests/garbage/make_cases.py) ---------------------------------------
python3 "$ACS_LEGACY_HOME/tests/garbage/make_cases.py" "$WORK/garbage" > /dev/null
for CASE in "$WORK"/garbage/G*
do
  NAME=$(basename "$CASE")
  RUNDATE=$(sed -n 1p "$CASE/CASE"); EXPECT=$(sed -n 2p "$CASE/CASE"); DESC=$(sed -n 3p "$CASE/CASE")
  REF=()
  [ -d "$CASE/ref" ] && REF=(--ref "$CASE/ref")
  capture --input "$CASE/in" --rundate "$RUNDATE" --out "$F/garbage-$NAME" "${REF[@]}" \
    --description "Legacy garbage case $NAME: $DESC (tests/garbage/make_cases.py)" --expected "$EXPECT"
done
"$CLI" parity verify-fixtures "$F" --legacy-home "$ACS_LEGACY_HOME"
