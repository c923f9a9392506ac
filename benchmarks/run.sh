#!/usr/bin/env bash
# Builds the project, runs every benchmark and writes the results (CSV, JMH JSON, tables) and
# the charts (PNG) into docs/benchmarks/. See docs/BENCHMARKS.md for what each one measures.
#
#   benchmarks/run.sh                    # everything (about 15 minutes on 2 cores)
#   benchmarks/run.sh codec wire         # only some: codec codec-kinds wire catchup compile generated-lines capacity
#                                        capacity-postgres terminal-startup load-sqlite load-sqlite-light
#                                        light light-steady connections connections-steady load-postgres charts
#
# Environment: OUT (default docs/benchmarks), TERMINALS (default 1,5,20,50,100,200), RATE (5000),
# LIGHT_RATE (200: a rate the hub sustains, for the latency curve),
# SECONDS_PER_STEP (15), LIGHT_RATES (1000,5000,10000: the light clients' steps at 20 terminals),
# CONNECTIONS (10000 light terminals for the connections step), STEADY_STEPS (3: the measured steps
# at the target rate of light-steady and connections-steady, after one at 1,000/s, in the same hub),
# MULTISESSION_PG_URL for PostgreSQL (started with .ci/postgres.sh when absent),
# SKIP_BUILD=1 to reuse benchmarks/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$(mkdir -p "${OUT:-docs/benchmarks}" && cd "${OUT:-docs/benchmarks}" && pwd)
jar="$root/benchmarks/target/benchmarks.jar"
terminals=${TERMINALS:-1,5,20,50,100,200}
rate=${RATE:-5000}
seconds=${SECONDS_PER_STEP:-15}
all_steps=(codec codec-kinds wire catchup compile generated-lines capacity terminal-startup load-sqlite load-sqlite-light
           light light-steady connections connections-steady load-postgres capacity-postgres charts)
steps=("$@")
if [ ${#steps[@]} -eq 0 ]; then
  steps=("${all_steps[@]}")
fi
# A misspelt step stops the run here, not after the build and the steps before it.
for step in "${steps[@]}"; do
  case " ${all_steps[*]} " in
    *" $step "*) ;;
    *) echo "unknown step $step; the steps are: ${all_steps[*]}" >&2; exit 2 ;;
  esac
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -B -q install -DskipTests
fi

run() { java -Djava.awt.headless=true -cp "$jar" "$@"; }

# Thousands of connections need a descriptor each, in the hub and in the client: raise the soft
# limit of this shell (and so of the JVMs it starts) to the hard one.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

start_postgres() {
  if [ -z "${MULTISESSION_PG_URL:-}" ]; then
    bash "$root/.ci/postgres.sh" start
  fi
}

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
      java -jar "$jar" '\.CodecBenchmark\.' -f 1 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/codec-jmh.json" \
        | tee "$out/codec-jmh.txt" | grep -E '^(Benchmark|CodecBenchmark)'
      run dev.multisession.benchmarks.codec.CodecReport "$out/codec-jmh.json" "$out" | tee "$out/codec.md"
      run dev.multisession.benchmarks.codec.MessageCpuTime | tee "$out/message-cpu.md"
      ;;
    codec-kinds)
      java -jar "$jar" KindCodecBenchmark -f 3 -wi 3 -w 2s -i 5 -r 2s -rf json -rff "$out/codec-kinds-jmh.json" \
        | tee "$out/codec-kinds-jmh.txt" | grep -E '^(Benchmark|KindCodecBenchmark)'
      run dev.multisession.benchmarks.codec.CodecCpuTime --model kinds | tee "$out/codec-kinds-cpu.md"
      run dev.multisession.benchmarks.codec.CodecCpuTime --model restaurant | tee "$out/codec-restaurant-cpu.md"
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
    generated-lines)
      (cd "$root/benchmarks" && run dev.multisession.benchmarks.compile.GeneratedLines --generated ../sample-app) \
        | tee "$out/generated-lines.txt"
      ;;
    capacity)
      run dev.multisession.benchmarks.load.HubCapacity 10 5 "$out" | tee "$out/hub-capacity.txt"
      ;;
    capacity-postgres)
      start_postgres
      run dev.multisession.benchmarks.load.HubCapacity --stores postgres,postgres-2-nodes 10 5 "$out/postgres" \
        | tee "$out/hub-capacity-postgres.txt"
      ;;
    light)
      java -Xmx2g -cp "$jar" dev.multisession.benchmarks.load.LightLoadGenerator --store sqlite --terminals 20 \
        --rates "${LIGHT_RATES:-1000,5000,10000}" --warmup 5 --seconds "$seconds" --out "$out" --name sqlite-20
      ;;
    light-steady)
      # the same hub kept running: one step at 1,000/s, then STEADY_STEPS at 5,000/s, each
      # measured; the last ones show the hub once its JIT compilation has settled
      java -Xmx2g -cp "$jar" dev.multisession.benchmarks.load.LightLoadGenerator --store sqlite --terminals 20 \
        --rates "1000$(printf ',5000%.0s' $(seq 1 "${STEADY_STEPS:-3}"))" --warmup 5 --seconds "$seconds" \
        --out "$out" --name sqlite-20-steady
      ;;
    connections)
      java -Xmx3g -cp "$jar" dev.multisession.benchmarks.load.LightLoadGenerator --store sqlite \
        --terminals "${CONNECTIONS:-10000}" --orders 1 --rates 1000 --warmup 5 --seconds "$seconds" --out "$out" \
        --name "sqlite-${CONNECTIONS:-10000}"
      ;;
    connections-steady)
      java -Xmx3g -cp "$jar" dev.multisession.benchmarks.load.LightLoadGenerator --store sqlite \
        --terminals "${CONNECTIONS:-10000}" --orders 1 --rates "1000$(printf ',1000%.0s' $(seq 1 "${STEADY_STEPS:-3}"))" \
        --warmup 5 --seconds "$seconds" --out "$out" --name "sqlite-${CONNECTIONS:-10000}-steady"
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
      start_postgres
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
