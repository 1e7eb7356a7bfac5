#!/usr/bin/env bash
# Batch benchmark: generates N accounts (default 10,000) from the samples, marks them in a
# release build with 1 and 2 jobs, and prints accounts/s and peak memory (max RSS).
# Also runs N/10 to show memory does not grow with batch size.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
swift build -c release --product markbench >/dev/null
M=.build/release/markbench
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" "$N" <<'PY'
import os, sys, glob
work, n = sys.argv[1], int(sys.argv[2])
sources = sorted(glob.glob("Samples/accounts/service-operations-*.txt"))
texts = [open(p, encoding="utf-8").read() for p in sources]
for size in (n // 10, n):
    d = os.path.join(work, f"batch-{size}")
    os.makedirs(d)
    for i in range(size):
        with open(os.path.join(d, f"learner-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(texts[i % len(texts)] + f"\nLearner reference {i}.\n")
total = sum(os.path.getsize(os.path.join(work, f"batch-{n}", x)) for x in os.listdir(os.path.join(work, f"batch-{n}")))
print(f"generated {n} accounts ({total/1e6:.1f} MB) and {n//10} accounts")
PY
run() {
  local dir=$1 jobs=$2
  python3 - "$M" "$dir" "$jobs" "$WORK/out-$RANDOM" <<'PY'
import resource, subprocess, sys, time, os
m, d, jobs, out = sys.argv[1:]
count = len(os.listdir(d)); size = sum(os.path.getsize(os.path.join(d, f)) for f in os.listdir(d))
t = time.time()
subprocess.run([m, "mark", "--rubric", "service-operations", d, "--formats", "none", "--jobs", jobs, "-o", out],
               check=True, stdout=subprocess.DEVNULL)
elapsed = time.time() - t
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{count:6d} accounts, --jobs {jobs}: {elapsed:6.2f} s, {count/elapsed:7.1f} accounts/s, {size/1e6/elapsed:5.2f} MB/s, peak memory {rss:.0f} MB")
PY
}
run "$WORK/batch-$((N / 10))" 1
run "$WORK/batch-$N" 1
run "$WORK/batch-$N" 2
