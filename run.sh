#!/usr/bin/env bash
# Main job (until the daily cycle is ported): build the CLI and decode the legacy sample day's ENTRYIN
# through its copybook to JSON Lines (out/sample-ENTRYIN.jsonl).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
LEGACY=${ACS_LEGACY_HOME:-../shared/legacy}
dotnet build src/Collections.Cli -c Release -nologo -v q
CLI="dotnet src/Collections.Cli/bin/Release/net10.0/collections.dll"
mkdir -p out
$CLI cobol decode --copybook "$LEGACY/copybooks/ENTRYREC.cpy" --format fixed \
  --select ER-REC-TYPE=H:ER-HEADER-DATA --select ER-REC-TYPE=L:ER-LINE-DATA --select ER-REC-TYPE=T:ER-TRAILER-DATA \
  "$LEGACY/sample/2026-03-02/in/ENTRYIN" > out/sample-ENTRYIN.jsonl
echo "decoded $(wc -l < out/sample-ENTRYIN.jsonl) records to out/sample-ENTRYIN.jsonl"
