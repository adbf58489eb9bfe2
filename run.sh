#!/usr/bin/env bash
# Starts ChatAdvisor on this machine. On the first run it restores the NuGet packages, installs Web Chat from npm
# and builds; the host then creates the SQLite database and indexes knowledge/. Each step says what it does and how
# long it took. Arguments go to the app, e.g. ./run.sh create-admin --email you@example.com
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

project=src/ChatAdvisor.Web
started=$SECONDS
step_started=$SECONDS

begin() { step_started=$SECONDS; printf '%s ' "$1"; }
done_step() { printf 'done (%d s)\n' $((SECONDS - step_started)); }
fail() { printf '\n%s\n' "$1" >&2; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "The .NET SDK is missing: install the version named in global.json (https://dot.net)."
command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js 20 or later (it brings npm)."

# A failing step shows its own output; a passing one stays on one line.
log=$(mktemp "${TMPDIR:-/tmp}/chatadvisor-run.XXXXXX")
trap 'rm -f "$log"' EXIT
quietly() { "$@" >"$log" 2>&1 || { printf 'failed\n' >&2; cat "$log" >&2; exit 1; }; }

begin "[1/4] Restoring NuGet packages..."
quietly dotnet restore "$project" -nologo -verbosity:quiet -tl:off
done_step

if [ ! -f node_modules/botframework-webchat/dist/webchat.js ]; then
  begin "[2/4] Installing Web Chat from npm (first run only; about a minute)..."
  quietly npm ci --no-audit --no-fund --loglevel=error
  done_step
else
  echo "[2/4] Web Chat is installed."
fi

begin "[3/4] Building..."
quietly dotnet build "$project" --no-restore -nologo -verbosity:quiet -tl:off
done_step

rm -f "$log"
printf '[4/4] Starting the host (database, knowledge index); set-up took %d s.\n' $((SECONDS - started))
exec dotnet run --project "$project" --no-build --no-restore -- "$@"
