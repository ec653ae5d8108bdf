#!/usr/bin/env bash
# Sets up the layout of deploy/README.md on this machine: a PostgreSQL primary and its streaming
# hot standby (two clusters of their own, never the main cluster on 5432), nginx in front of two or
# more Zuofeng instances and of the primary, and starts them. Idempotent: what exists and runs is
# left alone. Settings: deploy/lib.sh (ZF_DEPLOY_DIR, ports, cluster names).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"
zf_need_root
zf_guard_ports

install_packages() {
  local want=()
  command -v nginx >/dev/null || want+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_stream_module.so ] || want+=(libnginx-mod-stream)
  command -v pg_createcluster >/dev/null || want+=(postgresql-common)
  [ -x "/usr/lib/postgresql/$ZF_PG_VERSION/bin/postgres" ] || want+=("postgresql-$ZF_PG_VERSION")
  command -v curl >/dev/null || want+=(curl)
  if [ ${#want[@]} -gt 0 ]; then
    zf_log "installing ${want[*]} (Debian packages)"
    apt-get update -qq
    # policy-rc.d (if present) keeps Debian from starting the packaged services: ours run below.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${want[@]}" >/dev/null
  fi
}

make_secrets() {
  mkdir -p "$ZF_DEPLOY_DIR"
  chmod 755 "$ZF_DEPLOY_DIR"
  if [ ! -f "$ZF_SECRETS" ]; then
    umask 077
    {
      echo "ZF_APP_PASSWORD=$(openssl rand -hex 16)"
      echo "ZF_REPL_PASSWORD=$(openssl rand -hex 16)"
    } >"$ZF_SECRETS"
    umask 022
    zf_log "passwords written to $ZF_SECRETS (mode 600)"
  fi
  # shellcheck disable=SC1090
  source "$ZF_SECRETS"
}

# Our own access rules: the app's role to its database and the replication role, over 127.0.0.1 with
# passwords; the postgres superuser over the local socket only.
write_hba() {
  cat >"/etc/postgresql/$ZF_PG_VERSION/$1/pg_hba.conf" <<EOF
# Written by deploy/setup.sh
local   all          postgres                  peer
host    zuofeng      zuofeng     127.0.0.1/32  scram-sha-256
host    replication  replicator  127.0.0.1/32  scram-sha-256
EOF
}

configure_cluster() {
  # Debian's postgresql.conf includes conf.d/: our settings stay in a file of their own.
  cat >"/etc/postgresql/$ZF_PG_VERSION/$1/conf.d/zuofeng.conf" <<EOF
# Written by deploy/setup.sh
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 10
hot_standby = on
# Long exports on the standby are not cancelled by the primary's vacuum (at the cost of some bloat).
hot_standby_feedback = on
shared_buffers = '128MB'
max_connections = 100
EOF
  write_hba "$1"
}

setup_primary() {
  if ! zf_cluster_exists "$ZF_PG_PRIMARY"; then
    zf_log "creating cluster $ZF_PG_VERSION/$ZF_PG_PRIMARY on port $ZF_PG_PRIMARY_PORT"
    pg_createcluster "$ZF_PG_VERSION" "$ZF_PG_PRIMARY" -p "$ZF_PG_PRIMARY_PORT" -d "$ZF_DEPLOY_DIR/pg/$ZF_PG_PRIMARY" >/dev/null
    configure_cluster "$ZF_PG_PRIMARY"
  fi
  zf_pg_start "$ZF_PG_PRIMARY"
  zf_wait_pg "$ZF_PG_PRIMARY_PORT"
  zf_psql "$ZF_PG_PRIMARY_PORT" -o /dev/null <<EOF
select format('create role zuofeng login password %L', '$ZF_APP_PASSWORD') where not exists (select from pg_roles where rolname = 'zuofeng') \gexec
select format('create role replicator login replication password %L', '$ZF_REPL_PASSWORD') where not exists (select from pg_roles where rolname = 'replicator') \gexec
select 'create database zuofeng owner zuofeng' where not exists (select from pg_database where datname = 'zuofeng') \gexec
select pg_create_physical_replication_slot('zf_standby') where not exists (select from pg_replication_slots where slot_name = 'zf_standby');
EOF
}

setup_standby() {
  if ! zf_cluster_exists "$ZF_PG_STANDBY"; then
    zf_log "creating cluster $ZF_PG_VERSION/$ZF_PG_STANDBY on port $ZF_PG_STANDBY_PORT from pg_basebackup -R of the primary"
    local data="$ZF_DEPLOY_DIR/pg/$ZF_PG_STANDBY"
    pg_createcluster "$ZF_PG_VERSION" "$ZF_PG_STANDBY" -p "$ZF_PG_STANDBY_PORT" -d "$data" >/dev/null
    configure_cluster "$ZF_PG_STANDBY"
    # The initdb'd directory is replaced by a copy of the primary; -R writes standby.signal and
    # primary_conninfo (with the replication password), -S streams through the slot made above.
    find "$data" -mindepth 1 -delete
    runuser -u postgres -- env PGPASSWORD="$ZF_REPL_PASSWORD" pg_basebackup -h 127.0.0.1 -p "$ZF_PG_PRIMARY_PORT" \
      -U replicator -D "$data" -R -X stream -S zf_standby -c fast
  fi
  zf_pg_start "$ZF_PG_STANDBY"
  zf_wait_pg "$ZF_PG_STANDBY_PORT"
}

# The writer endpoint's upstream lives in its own file: deploy/failover.sh rewrites it and reloads.
write_nginx() {
  mkdir -p "$ZF_NGINX_DIR/logs" "$ZF_NGINX_DIR/tmp"
  [ -f "$ZF_NGINX_DIR/pg-writer.conf" ] || echo "server 127.0.0.1:$ZF_PG_PRIMARY_PORT;" >"$ZF_NGINX_DIR/pg-writer.conf"
  local servers=""
  for p in $ZF_APP_PORTS; do servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=5s;"$'\n'; done
  sed -e "s|@DIR@|$ZF_NGINX_DIR|g" -e "s|@HTTP_PORT@|$ZF_HTTP_PORT|g" -e "s|@WRITER_PORT@|$ZF_PG_WRITER_PORT|g" \
    "$ZF_ROOT/deploy/nginx.conf.template" | awk -v s="$servers" '{ if ($0 ~ /@APP_SERVERS@/) printf "%s", s; else print }' \
    >"$ZF_NGINX_DIR/nginx.conf"
  zf_nginx -t -q
  if zf_nginx_running; then zf_nginx_signal reload; else zf_nginx; fi
}

start_apps() {
  local web=1
  if [ ! -f "$ZF_ROOT/dist/web/index.html" ] && [ "${ZF_BUILD_WEB:-1}" = 1 ]; then
    zf_log "building the web client once (npm run build); ZF_BUILD_WEB=0 skips it (API only)"
    (cd "$ZF_ROOT" && npm run build --silent >/dev/null)
  fi
  [ -f "$ZF_ROOT/dist/web/index.html" ] || web=0
  mkdir -p "$ZF_RUN_DIR" "$ZF_DEPLOY_DIR/app"
  local db="postgres://zuofeng:$ZF_APP_PASSWORD@127.0.0.1"
  # Started one after the other: the first migrates the database, seeds the demo unit and writes the
  # master key into the shared data directory; the others find all three done.
  for p in $ZF_APP_PORTS; do
    if zf_app_running "$p"; then continue; fi
    (
      cd "$ZF_ROOT"
      export DATABASE_URL="$db:$ZF_PG_WRITER_PORT/zuofeng" READ_DATABASE_URL="$db:$ZF_PG_STANDBY_PORT/zuofeng"
      export PORT="$p" HOST=127.0.0.1 ZUOFENG_DATA_DIR="$ZF_DEPLOY_DIR/app" ZUOFENG_TRUST_PROXY=loopback
      export ZUOFENG_PUBLIC_URL="http://127.0.0.1:$ZF_HTTP_PORT" ZUOFENG_MAX_STANDBY_LAG_SECONDS="$ZF_MAX_LAG"
      export ZUOFENG_DEMO="$ZF_DEMO" ZUOFENG_SKIP_BUILD=1
      # The same node flags as `npm start` (package.json): a young generation large enough for an export's batches.
      setsid nohup node --max-semi-space-size=32 scripts/start.mjs >>"$ZF_RUN_DIR/app-$p.log" 2>&1 </dev/null &
      echo $! >"$ZF_RUN_DIR/app-$p.pid"
    )
    zf_wait_http "http://127.0.0.1:$p/api/health" 240 || zf_die "app instance on port $p did not answer: see $ZF_RUN_DIR/app-$p.log"
    zf_log "app instance on port $p: pid $(zf_app_pid "$p"), log $ZF_RUN_DIR/app-$p.log"
  done
  [ "$web" = 1 ] || zf_log "no web build: the API answers, the pages do not (run npm run build)"
}

install_packages
make_secrets
setup_primary
setup_standby
write_nginx
start_apps
zf_wait_http "http://127.0.0.1:$ZF_HTTP_PORT/api/health" 60 || zf_die "nginx on port $ZF_HTTP_PORT does not reach the apps"
zf_log "ready: http://127.0.0.1:$ZF_HTTP_PORT (nginx) → app ports $ZF_APP_PORTS; PostgreSQL primary :$ZF_PG_PRIMARY_PORT, standby :$ZF_PG_STANDBY_PORT, writer endpoint :$ZF_PG_WRITER_PORT"
