#!/usr/bin/env bash
# A/B of CompileOverhead: before and after, alternated, each in its own JVM.
# Run in a directory holding before/ and after/, each with benchmarks.jar and javac/ (processor jar and class path)
cd "${1:-.}"
for round in 1 2; do
  for side in before after; do
    echo "== $side round $round $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
    nice -n 5 java -cp $side/benchmarks.jar dev.multisession.benchmarks.compile.CompileOverhead --warmup 1 --runs 3 \
      --processor $side/javac/processor/multisession-processor.jar --classpath $side/javac/classpath 2>&1 | grep -E "javac CPU|classes \("
  done
done
