#!/usr/bin/env bash
# Times the strategy binary against its floors and against ajv-cli (the same
# JSON Schema) and yamllint, on the real dataset and on synthetic datasets
# shaped like data/, and prints ratios beside the targets of issue 13.
#
#   bench/run.sh                 # start-up, the real dataset, N = 1000 10000 100000
#   SIZES="1000" bench/run.sh    # quicker; SIZES="" for start-up and the real dataset only
#   CPU=1 bench/run.sh           # CPU time instead of wall time, on a busy machine
#
# Floors: bench/empty (a Go program that does nothing) for start-up, with
# bench/libraries (one that links our libraries and does nothing) beside it, and
# bench/yamlparse (yaml.v3 parsing the same item files on as many workers)
# for whole runs. Every binary is built as the release builds it (no cgo,
# -trimpath, -s -w). Times are medians from hyperfine -N, each command timed
# beside its floor in one hyperfine call; the machine is shared, so compare
# the ratios, not the absolute times.
#
# Needs: go; hyperfine, yamllint and time (apt); ajv-cli@5 and ajv-formats
# (npm, installed into $AJV_DIR, outside the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES-1000 10000 100000}"
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/strategy-bench}"
AJV_DIR="${AJV_DIR:-${TMPDIR:-/tmp}/strategy-bench-ajv}"
mkdir -p "$WORK"

build() { CGO_ENABLED=0 go build -trimpath -ldflags='-s -w' -o "$WORK/$1" "$2"; }
build strategy ./cmd/strategy
build yamlparse ./bench/yamlparse
build empty ./bench/empty
build libraries ./bench/libraries
bin="$WORK/strategy" yp="$WORK/yamlparse" empty="$WORK/empty" libs="$WORK/libraries"
if [ ! -x "$AJV_DIR/node_modules/.bin/ajv" ]; then
	mkdir -p "$AJV_DIR"
	(cd "$AJV_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv-cli@5 ajv-formats >/dev/null)
fi
ajv="$AJV_DIR/node_modules/.bin/ajv"

# medians RUNS CMD...: median wall time in seconds of each command (one per
# argument, a string), timed in one hyperfine call, one per line. With CPU=1
# it prints mean CPU time (user + system) instead: on a machine shared with
# other work, wall time counts the waiting for a core and CPU time does not.
medians() {
	local runs=$1; shift
	local warm=2; [ "$runs" -le 1 ] && warm=0
	rm -f "$WORK/h.json"
	hyperfine -N -i --warmup "$warm" --runs "$runs" --export-json "$WORK/h.json" "$@" >/dev/null 2>&1
	python3 -c 'import json,sys,os
for r in json.load(open(sys.argv[1]))["results"]:
    print("%.4f" % (r["user"] + r["system"] if os.environ.get("CPU") == "1" else r["median"]))' "$WORK/h.json"
}

# peak resident memory of one run, in MB
peak_mb() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'; }

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
verdict() { # verdict RATIO LIMIT
	if [ "$(echo "$1 <= $2" | bc -l)" = 1 ]; then echo "met (<= ${2}x)"; else echo "MISSED (> ${2}x)"; fi
}

echo "== start-up (target: at most 2x an empty Go program)"
read -r e L v c < <(medians 40 "$empty" "$libs" "$bin --version" "$bin __complete list ''" | xargs)
printf '%-28s %8.1f ms\n' "empty Go program" "$(echo "$e*1000" | bc -l)"
# Not a target: what linking our libraries costs before any code of ours runs.
printf '%-28s %8.1f ms  %5sx  (floor set by the libraries)\n' "libraries alone" "$(echo "$L*1000" | bc -l)" "$(ratio "$L" "$e")"
printf '%-28s %8.1f ms  %5sx  %s\n' "strategy --version" "$(echo "$v*1000" | bc -l)" "$(ratio "$v" "$e")" "$(verdict "$(ratio "$v" "$e")" 2)"
printf '%-28s %8.1f ms  %5sx  %s\n' "strategy __complete list ''" "$(echo "$c*1000" | bc -l)" "$(ratio "$c" "$e")" "$(verdict "$(ratio "$c" "$e")" 2)"

echo
echo "== the real dataset (target: validate and summary at most 1.5x yaml.v3 alone)"
read -r p v s e2 v2 < <(medians 30 "$yp data" "$bin validate data" "$bin summary --data data" "$empty" "$bin --version" | xargs)
printf '%-28s %8.1f ms\n' "yaml.v3 alone" "$(echo "$p*1000" | bc -l)"
printf '%-28s %8.1f ms  %5sx  %s\n' "strategy validate" "$(echo "$v*1000" | bc -l)" "$(ratio "$v" "$p")" "$(verdict "$(ratio "$v" "$p")" 1.5)"
printf '%-28s %8.1f ms  %5sx  %s\n' "strategy summary" "$(echo "$s*1000" | bc -l)" "$(ratio "$s" "$p")" "$(verdict "$(ratio "$s" "$p")" 1.5)"
# Not a target: the same ratio with each side's start-up taken off (strategy
# --version for strategy, the empty program for yaml.v3 alone), which says
# how much of the gap is start-up and how much is the work on the files.
printf '%-28s %8.1f ms  %5sx  (work after start-up)\n' "validate - --version" "$(echo "($v-$v2)*1000" | bc -l)" "$(ratio "($v-$v2)" "($p-$e2)")"

echo
echo "== synthetic datasets (targets: 10,000 items within 1.3x yaml.v3 alone; 100,000 linear and under 300 MB)"
printf '%-7s %10s %10s %10s %10s %10s %10s %9s %9s %9s\n' N yaml.v3 validate summary list ajv yamllint val/yaml ajv/val "mem(MB)"
for n in $SIZES; do
	d="$WORK/data-$n"
	[ -f "$d/strategy.yaml" ] || go run ./bench/gen -n "$n" -o "$d"
	runs=10; [ "$n" -ge 10000 ] && runs=3; [ "$n" -ge 100000 ] && runs=1
	read -r p v s l < <(medians $runs "$yp $d" "$bin validate $d" "$bin summary --data $d --as-of 2025-07-18" "$bin list --data $d --theme train --format json" | xargs)
	a=$(medians $runs "$ajv validate --spec=draft2020 -c ajv-formats -s $d/schema/item.schema.json -d '$d/items/*.yaml' --all-errors")
	y=-
	if [ "$n" -le 1000 ]; then # yamllint takes over half a minute a run beyond
		y=$(medians $runs "yamllint -d relaxed $d/items" | xargs printf '%.3fs')
	fi
	printf '%-7s %9.3fs %9.3fs %9.3fs %9.3fs %9.3fs %10s %8.2fx %8.1fx %9s\n' "$n" "$p" "$v" "$s" "$l" "$a" "$y" \
		"$(ratio "$v" "$p")" "$(ratio "$a" "$v")" "$(peak_mb "$bin" validate "$d")"
done

# strategy site: the whole command (load, build, write) for the real dataset
# and generated ones. Under a second for the real one; per item the time
# should stay flat as N grows (linear).
printf '\n%-7s %10s %12s\n' N site "ms/1000 items"
site_out="$WORK/site-out"
for n in real ${SITE_SIZES:-1000 10000}; do
	d="$WORK/data-$n"
	[ "$n" = real ] && d=data
	[ -f "$d/strategy.yaml" ] || go run ./bench/gen -n "$n" -o "$d"
	items=$(ls "$d/items" | wc -l)
	runs=5; [ "$items" -ge 10000 ] && runs=3
	t=$(medians $runs "$bin site --data $d -o $site_out --force")
	printf '%-7s %9.3fs %12.1f\n' "$n" "$t" "$(echo "$t * 1000000 / $items" | bc -l)"
done
