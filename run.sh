#!/usr/bin/env bash
# Main job: set up (restore + build the CLI), run the ported daily cycle (CLV100-CLV500) on the legacy's first sample
# day, the whole cycle on the database (run-day, embedded SQLite) over both sample days (each exported data set compared
# with the legacy's), their reconciliation, then every committed fixture set (legacy-fixtures/) through the parity
# harness and the HTML report. No legacy build is needed. Exit code: the harness's (0 parity, 1 unexplained differences).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The CLI as shipped: published framework-dependent and ReadyToRun-compiled (precompiled code for start-up; the hot
# loops still tier up to optimized JIT code), into artifacts/cli (docs/pipeline.md, "Runtime settings").
case "$(uname -m)" in x86_64) RID=linux-x64 ;; aarch64|arm64) RID=linux-arm64 ;; *) RID= ;; esac
if [ -n "$RID" ] && dotnet publish src/Collections.Cli -c Release -r "$RID" --self-contained false \
     -p:PublishReadyToRun=true -o artifacts/cli -nologo -v q; then
  CLI=(dotnet artifacts/cli/collections.dll)
else
  echo "run.sh: ReadyToRun publish not available here; using the plain JIT build" >&2
  dotnet build src/Collections.Cli -c Release -nologo -v q
  CLI=(dotnet src/Collections.Cli/bin/Release/net10.0/collections.dll)
fi
mkdir -p out
SAMPLE=legacy-fixtures/sample-2026-03-02/input
echo "== daily cycle (ported steps) on $SAMPLE -> out/cycle-20260302"
set +e
"${CLI[@]}" legacy run 20260302 "$SAMPLE" out/cycle-20260302
cycle_rc=$?
set -e
echo "cycle return code: $cycle_rc (4 = some records rejected, as the legacy)"
[ "$cycle_rc" -lt 8 ] || exit "$cycle_rc"
echo "== database cycle: run-day on the embedded SQLite default (out/collections.db) over the sample days, export legacy"
rm -f out/collections.db out/collections.db-wal out/collections.db-shm
DB=(--connection "Data Source=out/collections.db")
for SET in sample-2026-03-02 sample-2026-03-03; do
  DAY=${SET#sample-}
  set +e
  "${CLI[@]}" run-day --date "$DAY" --input "legacy-fixtures/$SET/input" "${DB[@]}"
  day_rc=$?
  set -e
  [ "$day_rc" -lt 8 ] || exit "$day_rc"
  "${CLI[@]}" export legacy --date "$DAY" --out "out/db-$DAY" "${DB[@]}" >/dev/null
  # every data set and every step's sysout the legacy wrote for this day (the chain: day 2 reads day 1's posted master)
  (cd "legacy-fixtures/$SET/output" && find . -type f | sed 's|^\./||' | sort) | while read -r DSN; do
    cmp -s "out/db-$DAY/$DSN" "legacy-fixtures/$SET/output/$DSN" || { echo "database cycle $DAY: $DSN differs from the legacy" >&2; exit 1; }
  done
  echo "database cycle $DAY: every data set (LINECALC ... OPENITEM, LEDGER, SUSPENSE, CTLTOTS, CLV500.RPT) and sysout identical to the legacy run"
done
echo "== reconciliation of the sample days (every control total must tie; exit 1 if one does not)"
"${CLI[@]}" reconcile --date 2026-03-02 --to 2026-03-03 --csv out/reconcile.csv --json out/reconcile.json "${DB[@]}"
echo "== parity harness over legacy-fixtures/ -> out/parity"
"${CLI[@]}" parity run --fixtures legacy-fixtures --require-all --report out/parity
