#!/usr/bin/env bash
# Runs every ChatAdvisor test. Installs what the tests need (Chromium, the npm packages, clamd, PostgreSQL, Redis,
# nginx) when missing; Azurite, the Azure Storage emulator, comes with the npm packages.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DEBIAN_FRONTEND=noninteractive

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests..."
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium >/dev/null
fi
if [ ! -f node_modules/botframework-webchat/dist/webchat.js ] || [ ! -d node_modules/botframework-directlinejs ] || [ ! -f node_modules/axe-core/axe.min.js ] \
  || [ ! -x node_modules/.bin/azurite-blob ]; then
  npm ci --no-audit --no-fund
fi

# A private clamd for the malware-scanner tests (tests/ChatAdvisor.Core.Tests/Cvs/ClamAvScannerTests.cs), on a free
# local port, whose only signature is the MD5 of a harmless sample file, so no signature download is needed. The
# sample's bytes are defined here and nowhere else: the tests read the file named by CHATADVISOR_TEST_CLAMD_SAMPLE and
# expect clamd to report it as ChatAdvisor.TestSignature.UNOFFICIAL. Started now, so that it loads during the build.
clamd_bin=$(command -v clamd || echo /usr/sbin/clamd)
if [ ! -x "$clamd_bin" ]; then
  echo "Installing clamd for the malware-scanner tests..."
  as_root apt-get update -qq
  as_root apt-get install -y -qq clamav-daemon >/dev/null
  clamd_bin=/usr/sbin/clamd
fi
clamd_dir=$(mktemp -d "${TMPDIR:-/tmp}/chatadvisor-clamd.XXXXXX")
stop_clamd() {
  if [ -s "$clamd_dir/clamd.pid" ]; then kill "$(cat "$clamd_dir/clamd.pid")" 2>/dev/null || true; fi
  rm -rf "$clamd_dir"
}
pg_dir=""
azurite_dir=""
azurite_pid=""
stop_azurite() {
  if [ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$azurite_pid" 2>/dev/null || true
  fi
  if [ -n "$azurite_dir" ]; then rm -rf "$azurite_dir"; fi
}
redis_dir=""
stop_redis() {
  if [ -n "$redis_dir" ] && [ -s "$redis_dir/redis.pid" ]; then kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true; fi
  if [ -n "$redis_dir" ]; then rm -rf "$redis_dir"; fi
}
stop_servers() {
  stop_clamd
  stop_azurite
  stop_redis
  if [ -n "$pg_dir" ] && [ -d "$pg_dir/data" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; fi
  if [ -n "$pg_dir" ]; then rm -rf "$pg_dir"; fi
}
trap stop_servers EXIT
# A local port nothing listens on (tried at random, ten times at most).
free_port() {
  local port=$((20000 + RANDOM % 30000))
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break # nothing listens there: free
    port=$((20000 + RANDOM % 30000))
  done
  echo "$port"
}
clamd_answers_pong() {
  (exec 3<>"/dev/tcp/127.0.0.1/$clamd_port" && printf 'zPING\0' >&3 && IFS= read -r -d '' -t 2 reply <&3 && [ "$reply" = PONG ]) 2>/dev/null
}
clamd_port=$(free_port)
printf '%s' 'ChatAdvisor clamd test file — harmless' >"$clamd_dir/sample.txt"
mkdir "$clamd_dir/db"
echo "$(md5sum <"$clamd_dir/sample.txt" | cut -d' ' -f1):$(wc -c <"$clamd_dir/sample.txt" | tr -d ' '):ChatAdvisor.TestSignature" >"$clamd_dir/db/test.hdb"
{
  echo "Foreground no"
  echo "TCPSocket $clamd_port"
  echo "TCPAddr 127.0.0.1"
  echo "DatabaseDirectory $clamd_dir/db"
  echo "TemporaryDirectory $clamd_dir"
  echo "PidFile $clamd_dir/clamd.pid"
  echo "LogFile $clamd_dir/clamd.log"
  echo "StreamMaxLength 64M"
  if [ "$(id -u)" -eq 0 ]; then echo "User root"; fi
} >"$clamd_dir/clamd.conf"
"$clamd_bin" -c "$clamd_dir/clamd.conf" >/dev/null || echo "clamd did not start; the ClamAV scanner tests will fail." >&2
export CHATADVISOR_TEST_CLAMD="127.0.0.1:$clamd_port" CHATADVISOR_TEST_CLAMD_SAMPLE="$clamd_dir/sample.txt"

# A private PostgreSQL cluster on a free local port for the provider tests (CHATADVISOR_TEST_POSTGRES). PostgreSQL
# refuses to run as root, so as root the cluster belongs to the postgres user. The tests must not skip here: without
# a server they fail (CHATADVISOR_REQUIRE_POSTGRES), so a green run always covers both database providers.
export CHATADVISOR_REQUIRE_POSTGRES=1
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  echo "Installing PostgreSQL for the provider tests..."
  as_root apt-get update -qq
  as_root apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/chatadvisor-pg.XXXXXX")
chmod 755 "$pg_dir"
if [ "$(id -u)" -eq 0 ]; then chown postgres "$pg_dir"; fi
pg_port=$(free_port)
if as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U chatadvisor --auth=trust -E UTF8 >/dev/null \
  && as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null; then
  export CHATADVISOR_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=chatadvisor;Database=postgres"
else
  echo "PostgreSQL did not start; the PostgreSQL tests will fail. Its log:" >&2
  cat "$pg_dir/server.log" >&2 2>/dev/null || true
fi

# A private Azurite Blob service (npm azurite) on a free local port with a throw-away folder, for the blob-store tests
# (CHATADVISOR_TEST_AZURITE, a connection string with the emulator's public, documented development account key).
# Like PostgreSQL it is required here (CHATADVISOR_REQUIRE_AZURITE): without it those tests fail instead of skipping.
export CHATADVISOR_REQUIRE_AZURITE=1
azurite_dir=$(mktemp -d "${TMPDIR:-/tmp}/chatadvisor-azurite.XXXXXX")
azurite_port=$(free_port)
azurite_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$azurite_port" && printf 'GET /devstoreaccount1?comp=list HTTP/1.0\r\n\r\n' >&3 \
    && IFS= read -r -t 2 status <&3 && [[ "$status" == HTTP/* ]]) 2>/dev/null
}
node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$azurite_dir" --silent \
  --skipApiVersionCheck --loose --disableTelemetry </dev/null >"$azurite_dir/azurite.log" 2>&1 &
azurite_pid=$!
azurite_key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
export CHATADVISOR_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$azurite_key;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

# A private Redis (no persistence) on a free local port, and nginx, for the scale-out tests
# (tests/ChatAdvisor.Web.Tests/Scaleout): two hosts on the PostgreSQL, Redis and Azurite above behind an nginx that
# the tests configure and start themselves. Required here like the others (CHATADVISOR_REQUIRE_SCALEOUT).
export CHATADVISOR_REQUIRE_SCALEOUT=1
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
if ! command -v redis-server >/dev/null 2>&1 || [ ! -x "$nginx_bin" ]; then
  echo "Installing Redis and nginx for the scale-out tests..."
  as_root apt-get update -qq
  as_root apt-get install -y -qq redis-server nginx >/dev/null
  nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
fi
redis_dir=$(mktemp -d "${TMPDIR:-/tmp}/chatadvisor-redis.XXXXXX")
redis_port=$(free_port)
if redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --dir "$redis_dir" \
  --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log" >/dev/null; then
  export CHATADVISOR_TEST_REDIS="127.0.0.1:$redis_port"
else
  echo "Redis did not start; the scale-out tests will fail." >&2
fi
export CHATADVISOR_TEST_NGINX="$nginx_bin"

results=artifacts/test-results
rm -rf "$results"
dotnet build ChatAdvisor.sln -c Release -warnaserror
# Fill the vector cache the test hosts share, once, before they start side by side (on a fresh clone this embeds
# the guides in every language, about a minute); it also fails the run on a broken knowledge file.
Embeddings__CachePath="$PWD/artifacts/test-embeddings" dotnet run --project src/ChatAdvisor.Web -c Release --no-build -- knowledge
clamd_deadline=$((SECONDS + 60))
until clamd_answers_pong || [ "$SECONDS" -ge "$clamd_deadline" ]; do sleep 0.5; done
if ! clamd_answers_pong; then
  echo "clamd did not answer PING on port $clamd_port; the ClamAV scanner tests will fail. Its log:" >&2
  cat "$clamd_dir/clamd.log" >&2 2>/dev/null || true
fi
azurite_deadline=$((SECONDS + 60))
until azurite_answers || [ "$SECONDS" -ge "$azurite_deadline" ]; do sleep 0.5; done
if ! azurite_answers; then
  echo "Azurite did not answer on port $azurite_port; the blob-store tests will fail. Its log:" >&2
  cat "$azurite_dir/azurite.log" >&2 2>/dev/null || true
fi
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
