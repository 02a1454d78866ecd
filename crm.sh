#!/usr/bin/env bash
# The platform's two commands: `./crm.sh run` starts everything, `./crm.sh test` runs every test.
# Both install the PostgreSQL and RabbitMQ server packages first if this machine lacks them;
# `./crm.sh install` does only that.
set -euo pipefail
cd "$(dirname "$0")"

# Where the system's files are looked for and policy-rc.d is written: / on a real machine; the
# install path's tests point it at a scratch folder so they never touch the machine they run on.
system_root="${CRM_SYSTEM_ROOT:-}"

need_servers() {
  compgen -G "$system_root/usr/lib/postgresql/*/bin/postgres" > /dev/null || return 0
  [ -x "$system_root/usr/lib/rabbitmq/bin/rabbitmq-server" ] || return 0
  return 1
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_servers() {
  echo "Installing the PostgreSQL and RabbitMQ server packages..."
  # The packages try to start their own system services; we run private instances instead,
  # so tell invoke-rc.d not to (a refused start must not fail the install).
  local policy="$system_root/usr/sbin/policy-rc.d" created_policy=""
  if [ ! -e "$policy" ]; then
    as_root mkdir -p "${policy%/*}"
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" > /dev/null
    as_root chmod +x "$policy"
    created_policy=1
  fi
  # A fresh machine's package lists are often stale or missing, and one unreachable source makes
  # `apt-get update` fail as a whole: go on to the install, which needs only the lists it got (and
  # fails, loudly, if the packages truly cannot be found).
  as_root apt-get update -qq || echo "apt-get update failed; installing with the package lists at hand." >&2
  # Noninteractive, however apt-get is reached: as root the setting prefixes the call itself (an
  # `env` in between would run whatever apt-get binary PATH finds, never the apt-get the shell
  # resolves); sudo resets the environment, so there it goes through env.
  if [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql rabbitmq-server > /dev/null
  else
    sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql rabbitmq-server > /dev/null
  fi
  [ -z "$created_policy" ] || as_root rm -f "$policy"
}

need_dotnet() {
  command -v dotnet > /dev/null || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }
}

case "${1:-}" in
  run)
    # The servers first: a fresh machine without .NET still gets them, and is told what else it needs.
    if need_servers; then install_servers; fi
    need_dotnet
    exec dotnet run --project AppHost
    ;;
  test)
    if need_servers; then install_servers; fi
    need_dotnet
    exec dotnet test CrmPlatform.sln --logger "console;verbosity=normal"
    ;;
  install)
    if need_servers; then install_servers; else echo "PostgreSQL and RabbitMQ are installed."; fi
    ;;
  *)
    echo "usage: ./crm.sh run | test | install" >&2
    exit 2
    ;;
esac
