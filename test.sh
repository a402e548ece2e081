#!/usr/bin/env bash
# Installs what the tests need (PostgreSQL server, Chromium, fonts), checks formatting and both
# providers' migrations, runs every test project and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local need=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core fontconfig)
  if [ ${#need[@]} -gt 0 ]; then
    echo "Installing: ${need[*]}"
    # The tests start their own throwaway cluster; Debian's default one is not needed.
    as_root mkdir -p /etc/postgresql-common
    echo "create_main_cluster = false" | as_root tee /etc/postgresql-common/createcluster.conf >/dev/null
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

failures=0
step() { echo "== $1"; }

install_missing || { echo "could not install test dependencies"; exit 1; }

step "build"
dotnet tool restore >/dev/null || exit 1
dotnet build Partnera.slnx -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

step "format"
if ! dotnet format Partnera.slnx --verify-no-changes --no-restore >/tmp/partnera-format.log 2>&1; then
  cat /tmp/partnera-format.log; echo "dotnet format found changes"; failures=$((failures + 1))
fi

step "migrations"
for context in SqlitePartneraDbContext PostgresPartneraDbContext; do
  if ! dotnet ef migrations has-pending-model-changes --project src/Partnera --context "$context" --no-build >/tmp/partnera-ef.log 2>&1; then
    cat /tmp/partnera-ef.log; echo "$context has model changes without a migration"; failures=$((failures + 1))
  fi
done

results=$(mktemp -d)
for project in tests/*Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  step "$name"
  dotnet test "$project" --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
projects=$(ls tests/*Tests/*.csproj | wc -l)
reports=$(ls "$results"/*.trx 2>/dev/null | wc -l)
[ "$reports" -eq "$projects" ] || { echo "only $reports of $projects test projects reported results"; failures=$((failures + 1)); }
failed=$((failed + failures))
rm -rf "$results"

if [ "$skipped" -gt 0 ]; then echo "$passed passed, $failed failed, $skipped skipped"; else echo "$passed passed, $failed failed"; fi
[ "$failed" -eq 0 ]
