#!/usr/bin/env bash
# Builds the project, runs every benchmark and writes the results (CSV, JMH JSON, tables) and
# the charts (PNG) into docs/benchmarks/. See docs/BENCHMARKS.md for what each one measures.
#
#   benchmarks/run.sh                    # everything (about 15 minutes on 2 cores)
#   benchmarks/run.sh codec wire         # only some: codec wire catchup compile capacity
#                                        terminal-startup load-sqlite load-sqlite-light load-postgres charts
#
# Environment: OUT (default docs/benchmarks), TERMINALS (default 1,5,20,50,100,200), RATE (5000),
# LIGHT_RATE (200: a rate the hub sustains, for the latency curve),
# SECONDS_PER_STEP (15), MULTISESSION_PG_URL for PostgreSQL (started with .ci/postgres.sh when absent),
# SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$(mkdir -p "${OUT:-docs/benchmarks}" && cd "${OUT:-docs/benchmarks}" && pwd)
jar="$root/benchmarks/target/benchmarks.jar"
terminals=${TERMINALS:-1,5,20,50,100,200}
rate=${RATE:-5000}
seconds=${SECONDS_PER_STEP:-15}
steps=("$@")
if [ ${#steps[@]} -eq 0 ]; then
  steps=(codec wire catchup compile capacity terminal-startup load-sqlite load-sqlite-light load-postgres charts)
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q install -DskipTests
fi

run() { java -Djava.awt.headless=true -cp "$jar" "$@"; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "nproc: $(nproc)"
  echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
  echo "jdk: $(java -version 2>&1 | head -n 1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

for step in "${steps[@]}"; do
  echo "== $step (load $(cut -d' ' -f1-3 /proc/loadavg))"
  case "$step" in
    codec)
      java -jar "$jar" CodecBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/codec-jmh.json" \
        | tee "$out/codec-jmh.txt" | grep -E '^(Benchmark|CodecBenchmark)'
      run dev.multisession.benchmarks.codec.CodecReport "$out/codec-jmh.json" "$out" | tee "$out/codec.md"
      ;;
    wire)
      run dev.multisession.benchmarks.wire.WireSize "$out" | tee "$out/wire-size.md"
      ;;
    catchup)
      run dev.multisession.benchmarks.catchup.CatchUp 10000 "$out" | tee "$out/catch-up.txt"
      ;;
    compile)
      (cd "$root/benchmarks" && run dev.multisession.benchmarks.compile.CompileOverhead --out "$out") \
        | tee "$out/compile-overhead.txt"
      ;;
    capacity)
      run dev.multisession.benchmarks.load.HubCapacity 10 5 "$out" | tee "$out/hub-capacity.txt"
      ;;
    terminal-startup)
      run dev.multisession.benchmarks.startup.TerminalStartup --runs 11 --out "$out" | tee "$out/terminal-startup.txt"
      ;;
    load-sqlite)
      java -Xmx3g -cp "$jar" dev.multisession.benchmarks.load.LoadGenerator --store sqlite --terminals "$terminals" \
        --rate "$rate" --seconds "$seconds" --out "$out"
      ;;
    load-sqlite-light)
      java -Xmx3g -cp "$jar" dev.multisession.benchmarks.load.LoadGenerator --store sqlite --terminals "$terminals" \
        --rate "${LIGHT_RATE:-200}" --seconds "$seconds" --name "sqlite-${LIGHT_RATE:-200}" --out "$out"
      ;;
    load-postgres)
      if [ -z "${MULTISESSION_PG_URL:-}" ]; then
        bash "$root/.ci/postgres.sh" start
      fi
      java -Xmx3g -cp "$jar" dev.multisession.benchmarks.load.LoadGenerator --store postgres --terminals "$terminals" \
        --rate "$rate" --seconds "$seconds" --out "$out"
      ;;
    charts)
      run dev.multisession.benchmarks.chart.Charts "$out"
      ;;
    *)
      echo "unknown step $step" >&2
      exit 2
      ;;
  esac
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
echo "results in $out"
