#!/usr/bin/env bash
# Compares builds or runtime settings of `collections legacy run` on one day, runs interleaved, sync before each.
#
#   tools/cli-variants.sh [--day DIR] [--rounds N] NAME=CLI[,VAR=VALUE...] ...
#
# NAME=CLI: a label and the `collections` executable (apphost) to run; ,VAR=VALUE sets environment variables for that
# variant only (e.g. DOTNET_TC_CallCountingDelayMs=100 to restore a runtime default). Without --day a 1M-record day
# is generated (generate-day --rundate 20260302 --entries 96618 --mean-lines 10, seed 1, as legacy-vs-modern) into a
# temporary folder. Prints one line per run and, per variant, the lowest and median wall and CPU time (GNU time),
# with the machine. The figures of docs/pipeline.md, "Runtime settings", come from this command.
set -euo pipefail
rounds=6 day=
while [ $# -gt 0 ]; do
  case "$1" in
    --day) day=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: $0 [--day DIR] [--rounds N] NAME=CLI[,VAR=VALUE...] ..." >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "$0: needs GNU time (/usr/bin/time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$day" ]; then
  day=$work/day
  first=${1#*=}; first=${first%%,*}
  "$first" generate-day --rundate 20260302 --entries 96618 --mean-lines 10 --seed 1 --out "$day" >/dev/null
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr), load $(cut -d' ' -f1 /proc/loadavg)"
echo "day: $day ($(wc -c < "$day/ENTRYIN") bytes of ENTRYIN), $rounds rounds"
for r in $(seq 1 "$rounds"); do
  for v in "$@"; do
    name=${v%%=*} rest=${v#*=}
    cli=${rest%%,*} envs=()
    [ "$rest" != "$cli" ] && IFS=, read -r -a envs <<< "${rest#*,}"
    sync
    set +e
    env "${envs[@]}" /usr/bin/time -o "$work/t" -f "%e %U %S" "$cli" legacy run 20260302 "$day" "$work/out-$name" >/dev/null 2>&1
    rc=$?
    set -e
    [ "$rc" -le 4 ] || { echo "$name: legacy run exited $rc" >&2; exit 1; }
    read -r wall user sys < <(tail -1 "$work/t")
    cpu=$(echo "$user + $sys" | bc)
    echo "run $r $name wall $wall cpu $cpu"
    echo "$name $wall $cpu" >> "$work/all"
  done
done
echo "variant   wall min / median   cpu min / median"
for v in "$@"; do
  name=${v%%=*}
  awk -v n="$name" '$1 == n { print $2 }' "$work/all" | sort -n > "$work/w"
  awk -v n="$name" '$1 == n { print $3 }' "$work/all" | sort -n > "$work/c"
  med() { awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }' "$1"; }
  printf '%-9s %5.2f / %5.2f s      %5.2f / %5.2f s\n' "$name" "$(head -1 "$work/w")" "$(med "$work/w")" "$(head -1 "$work/c")" "$(med "$work/c")"
done
