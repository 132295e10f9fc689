#!/usr/bin/env bash
# The one test command for people and CI: builds the solution (warnings are errors) and runs every test project.
# Needs: .NET 10 SDK, GnuCOBOL (cobc) for the differential tests, the legacy suite at ../shared/legacy
# (or ACS_LEGACY_HOME). Extra arguments go to `dotnet test` (e.g. --filter Category!=Slow).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet build Collections.sln -c Release -nologo -v q
log=$(mktemp)
set +e
dotnet test Collections.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
# One closing line over every test assembly: "Tests: N passed, N failed, N skipped".
awk '
  /(Passed|Failed)! +- +Failed: / {
    line=$0; gsub(/,/, "", line); n=split(line, w, /[ \t]+/)
    for (i = 1; i < n; i++) {
      if (w[i] == "Failed:") f += w[i+1]; else if (w[i] == "Passed:") p += w[i+1]; else if (w[i] == "Skipped:") s += w[i+1]
    }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$rc"
