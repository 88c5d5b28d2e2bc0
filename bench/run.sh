#!/usr/bin/env bash
# Times the strategy binary against ajv-cli (the same JSON Schema) and
# yamllint on synthetic datasets shaped like data/, and prints ratios; then
# measures peak memory at the largest size.
#
#   bench/run.sh                 # N = 56 1000 10000 100000
#   SIZES="56 1000" bench/run.sh
#
# Needs: go; hyperfine, yamllint and time (apt); ajv-cli@5 and ajv-formats
# (npm, installed into $AJV_DIR, outside the repository). Without hyperfine
# a plain loop of wall-clock timings is used.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-56 1000 10000 100000}"
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/strategy-bench}"
AJV_DIR="${AJV_DIR:-${TMPDIR:-/tmp}/strategy-bench-ajv}"
mkdir -p "$WORK"

bin="$WORK/strategy"
go build -o "$bin" ./cmd/strategy
yp="$WORK/yamlparse" # the floor: yaml.v3 parsing the same files on the same cores, nothing else
go build -o "$yp" ./bench/yamlparse
if [ ! -x "$AJV_DIR/node_modules/.bin/ajv" ]; then
	mkdir -p "$AJV_DIR"
	(cd "$AJV_DIR" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent ajv-cli@5 ajv-formats >/dev/null)
fi
ajv="$AJV_DIR/node_modules/.bin/ajv"

# median wall time in seconds of a command, via hyperfine or a loop
median() { # median RUNS CMD...
	local runs=$1; shift
	if command -v hyperfine >/dev/null; then
		rm -f "$WORK/h.json"
		local warm=1; [ "$runs" -le 1 ] && warm=0
		hyperfine -N --warmup "$warm" --runs "$runs" -i --export-json "$WORK/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1 || { echo NaN; return; }
		python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$WORK/h.json"
	else
		local ts=()
		for _ in $(seq "$runs"); do
			local s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; ts+=("$(echo "$(date +%s.%N) - $s" | bc)")
		done
		printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
	fi
}

# peak resident memory of one run, in MB
peak_mb() {
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'
	else
		echo -
	fi
}

printf '%-7s %10s %10s %10s %10s %10s %10s %9s %9s %9s %9s\n' N yaml.v3 validate summary list ajv yamllint val/yaml ajv/val yl/val "mem(MB)"
for n in $SIZES; do
	d="$WORK/data-$n"
	[ -f "$d/strategy.yaml" ] || go run ./bench/gen -n "$n" -o "$d"
	runs=10; [ "$n" -ge 10000 ] && runs=3; [ "$n" -ge 100000 ] && runs=1
	p=$(median $runs "$yp" "$d")
	v=$(median $runs "$bin" validate "$d")
	s=$(median $runs "$bin" summary --data "$d" --as-of 2025-07-18)
	l=$(median $runs "$bin" list --data "$d" --theme train --format json)
	a=$(median $runs "$ajv" validate --spec=draft2020 -c ajv-formats -s "$d/schema/item.schema.json" -d "$d/items/*.yaml" --all-errors)
	if [ "$n" -le 10000 ]; then
		y=$(median $runs yamllint -d relaxed "$d/items")
	else
		y=NaN # yamllint takes minutes at this size
	fi
	printf '%-7s %9.3fs %9.3fs %9.3fs %9.3fs %9.3fs %10s %8.2fx %8.1fx %8sx %9s\n' "$n" "$p" "$v" "$s" "$l" "$a" "$( [ "$y" = NaN ] && echo - || printf '%.3fs' "$y")" \
		"$(echo "$v / $p" | bc -l)" \
		"$(echo "$a / $v" | bc -l)" "$( [ "$y" = NaN ] && echo - || printf '%.1f' "$(echo "$y / $v" | bc -l)")" "$(peak_mb "$bin" validate "$d")"
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
	t=$(median $runs "$bin" site --data "$d" -o "$site_out" --force)
	printf '%-7s %9.3fs %12.1f\n' "$n" "$t" "$(echo "$t * 1000000 / $items" | bc -l)"
done
