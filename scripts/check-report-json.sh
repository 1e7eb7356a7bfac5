#!/usr/bin/env bash
# Marks every sample account (and the dev-set, when ../shared/dev-set exists) with --format json
# and validates each document against docs/report-schema.json.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build >/dev/null
M=.build/debug/markbench
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for f in Samples/accounts/*.txt Samples/accounts/*.md; do
  b=$(basename "$f")
  r=$(echo "$b" | sed -E 's/-(strong|borderline|weak).*//')
  "$M" mark --rubric "$r" "$f" --format json > "$OUT/$b.json"
done
if [ -d ../shared/dev-set ]; then
  for f in ../shared/dev-set/D00*.txt; do
    b=$(basename "$f")
    case $b in D000*) r=competitive-tool;; D002*) r=service-improvements;; D003*) r=customer-experience;; D004*) r=service-operations;; esac
    "$M" mark --rubric "$r" "$f" --format json > "$OUT/$b.json"
  done
fi
"${PYTHON:-python3}" scripts/validate-report-json.py docs/report-schema.json "$OUT"/*.json
