#!/usr/bin/env bash
# Builds the Microsoft Teams app package of ChatAdvisor: manifest.json (from manifest.template.json), color.png and
# outline.png at the root of $OUT/chatadvisor-teams.zip, after validating the manifest against the Teams schema.
#
# Inputs, as options, NAME=value arguments or environment variables (options win):
#   --bot-app-id    BOT_APP_ID    required  Microsoft App ID of the Azure Bot (a GUID)
#   --valid-domain  VALID_DOMAIN  required  public host name of the site, no scheme or path (careers.example.com)
#   --app-id        APP_ID        optional  Teams app id (a GUID); defaults to BOT_APP_ID
#   --app-version   APP_VERSION   optional  MAJOR.MINOR.PATCH, default 1.0.0; raise it for every upload
#   --out           OUT           optional  output folder, default deploy/teams/out
# Needs node and the repository's npm devDependencies ('npm ci' in the repository root).
set -euo pipefail

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
package_name=chatadvisor-teams.zip

usage() {
  sed -n '2,12s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

die() {
  echo "build-package: error: $*" >&2
  exit 1
}

# Option or NAME=value argument → variable; environment variables already set are the fallback.
while (($# > 0)); do
  case "$1" in
    -h | --help) usage; exit 0 ;;
    --bot-app-id | --valid-domain | --app-id | --app-version | --out)
      (($# >= 2)) || die "$1 needs a value."
      name=${1#--}; name=${name//-/_}; name=${name^^}
      printf -v "$name" '%s' "$2"
      shift 2 ;;
    --bot-app-id=* | --valid-domain=* | --app-id=* | --app-version=* | --out=*)
      name=${1%%=*}; name=${name#--}; name=${name//-/_}; name=${name^^}
      printf -v "$name" '%s' "${1#*=}"
      shift ;;
    BOT_APP_ID=* | VALID_DOMAIN=* | APP_ID=* | APP_VERSION=* | OUT=*)
      printf -v "${1%%=*}" '%s' "${1#*=}"
      shift ;;
    *) die "unknown argument '$1' (see --help)." ;;
  esac
done

guid_pattern='^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$'
BOT_APP_ID=${BOT_APP_ID:-}
VALID_DOMAIN=${VALID_DOMAIN:-}
APP_ID=${APP_ID:-}
APP_VERSION=${APP_VERSION:-1.0.0}
OUT=${OUT:-$script_dir/out}

[[ -n $BOT_APP_ID ]] || die "BOT_APP_ID is required: the Microsoft App ID of the Azure Bot, a GUID like 00000000-0000-0000-0000-000000000000 (--bot-app-id or BOT_APP_ID=...)."
[[ $BOT_APP_ID =~ $guid_pattern ]] || die "BOT_APP_ID '$BOT_APP_ID' is not a GUID: expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hexadecimal digits."
BOT_APP_ID=${BOT_APP_ID,,}

if [[ -z $APP_ID ]]; then
  APP_ID=$BOT_APP_ID
fi
[[ $APP_ID =~ $guid_pattern ]] || die "APP_ID '$APP_ID' is not a GUID: expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hexadecimal digits (or leave it out to use BOT_APP_ID)."
APP_ID=${APP_ID,,}

[[ -n $VALID_DOMAIN ]] || die "VALID_DOMAIN is required: the public host name of the site, such as careers.example.com (--valid-domain or VALID_DOMAIN=...)."
[[ $VALID_DOMAIN != *://* ]] || die "VALID_DOMAIN '$VALID_DOMAIN' must be a host name only, without a scheme: drop '${VALID_DOMAIN%%://*}://'."
VALID_DOMAIN=${VALID_DOMAIN,,}
host_pattern='^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$'
if [[ ! $VALID_DOMAIN =~ $host_pattern || ${#VALID_DOMAIN} -gt 253 ]]; then
  die "VALID_DOMAIN '$VALID_DOMAIN' is not a public host name: use letters, digits, hyphens and dots only, no port, path or wildcard (e.g. careers.example.com)."
fi

[[ $APP_VERSION =~ ^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$ ]] \
  || die "APP_VERSION '$APP_VERSION' must be MAJOR.MINOR.PATCH without leading zeros, e.g. 1.0.0."

command -v node > /dev/null 2>&1 || die "node (Node.js 18 or later) is required to validate and zip the package."
for file in manifest.template.json color.png outline.png validate-manifest.mjs zip.mjs; do
  [[ -f $script_dir/$file ]] || die "$script_dir/$file is missing (icons: node deploy/teams/make-icons.mjs)."
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The values were checked above to hold only [0-9a-z.-], so they are safe in a sed replacement and in JSON.
sed -e "s/[\$]{BOT_APP_ID}/$BOT_APP_ID/g" \
    -e "s/[\$]{APP_ID}/$APP_ID/g" \
    -e "s/[\$]{APP_VERSION}/$APP_VERSION/g" \
    -e "s/[\$]{VALID_DOMAIN}/$VALID_DOMAIN/g" \
    "$script_dir/manifest.template.json" > "$work/manifest.json"
cp "$script_dir/color.png" "$script_dir/outline.png" "$work/"

echo "build-package: manifest for bot $BOT_APP_ID, app $APP_ID, version $APP_VERSION, domain $VALID_DOMAIN"
status=0
node "$script_dir/validate-manifest.mjs" "$work/manifest.json" || status=$?
if ((status == 1)); then
  die "the manifest did not pass schema validation (errors above); nothing was written."
elif ((status != 0)); then
  die "the manifest could not be validated (reason above); nothing was written."
fi

mkdir -p "$OUT"
node "$script_dir/zip.mjs" "$work/$package_name" "$work/manifest.json" "$work/color.png" "$work/outline.png"
mv -f "$work/$package_name" "$OUT/$package_name"
cp "$work/manifest.json" "$OUT/manifest.json"
echo "build-package: wrote $OUT/$package_name (manifest.json, color.png, outline.png)"
