#!/usr/bin/env bash
# Run in a directory holding before/ and after/, each with benchmarks.jar and javac/ (processor jar and class path)
cd "${1:-.}"
for round in 1 2; do
  for side in before after; do
    for model in restaurant kinds; do
      echo "== $side $model round $round $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
      nice -n 5 java -cp $side/benchmarks.jar dev.multisession.benchmarks.codec.CodecCpuTime --model $model 2>&1
    done
  done
done
