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
