#!/usr/bin/env bash
# Runs every ChatAdvisor test. Installs what the tests need (Chromium, the npm packages) when missing.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests..."
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f node_modules/botframework-webchat/dist/webchat.js ] || [ ! -d node_modules/botframework-directlinejs ]; then
  npm ci --no-audit --no-fund
fi

results=artifacts/test-results
rm -rf "$results"
dotnet build ChatAdvisor.sln -c Release -warnaserror
status=0
dotnet test ChatAdvisor.sln -c Release --no-build --logger trx --results-directory "$results" || status=$?

# One closing line for every runner that reads it: "N passed, N failed, N skipped".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); passed=$((passed + ${p:-0}))
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters"); failed=$((failed + ${f:-0}))
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters"); e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
