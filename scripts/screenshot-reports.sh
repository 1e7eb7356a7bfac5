#!/usr/bin/env bash
# Renders sample reports to HTML, opens them in headless Chromium (Debian's `chromium`,
# installed here if missing) and saves PNG screenshots in docs/images/: an assessor's report,
# a learner's report, the sample cohort's summary, the IQA consistency report and a sampling plan.
# Fails if Chromium cannot render a page.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  SUDO=""; [ "$(id -u)" != "0" ] && SUDO="sudo"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null
fi
swift build >/dev/null
M=.build/debug/markbench
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
$M mark --rubric customer-experience Samples/accounts/customer-experience-weak-bad-references.md --format html -o "$OUT/assessor.html"
$M check Samples/accounts/competitive-tool-weak-unquantified.txt --unit competitive-tool --format html -o "$OUT/learner.html"
shot() {
  local html=$1 png=$2 height=$3
  timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size=1200,"$height" --screenshot="$png" "file://$html" 2>"$OUT/chromium.log" \
    || { cat "$OUT/chromium.log"; echo "chromium failed on $html"; exit 1; }
  [ -s "$png" ] || { echo "no screenshot for $html"; exit 1; }
  echo "rendered $html -> $png"
}
$M mark --manifest Samples/cohort/manifest.csv --formats none -o "$OUT/cohort" >/dev/null || true
shot "$OUT/assessor.html" docs/images/assessor-report.png 3000
shot "$OUT/learner.html" docs/images/learner-report.png 2600
shot "$OUT/cohort/cohort-summary.html" docs/images/cohort-summary.png 1500
$M agree Samples/qa/records.csv --format html -o "$OUT/consistency.html" 2>/dev/null
$M sample Samples/qa/records.csv --policy Samples/qa/policy.json --format html -o "$OUT/sampling.html" 2>/dev/null
shot "$OUT/consistency.html" docs/images/consistency-report.png 2200
shot "$OUT/sampling.html" docs/images/sampling-plan.png 1600
