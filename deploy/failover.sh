#!/usr/bin/env bash
# Fail-over by hand (or by the test): stops the primary, promotes the standby, points the writer
# endpoint (nginx stream, the apps' DATABASE_URL) at it. The app instances keep running: their pools
# drop the dead connections and the next queries connect to the promoted standby.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"
zf_need_root
zf_guard_ports
# shellcheck disable=SC1090
source "$ZF_SECRETS"

zf_log "stopping the primary $ZF_PG_VERSION/$ZF_PG_PRIMARY"
zf_pg_stop "$ZF_PG_PRIMARY"
zf_log "promoting the standby $ZF_PG_VERSION/$ZF_PG_STANDBY"
pg_ctlcluster --skip-systemctl-redirect "$ZF_PG_VERSION" "$ZF_PG_STANDBY" promote
for _ in $(seq 1 60); do
  [ "$(zf_psql "$ZF_PG_STANDBY_PORT" -Atc 'select pg_is_in_recovery()')" = f ] && break
  sleep 0.5
done
[ "$(zf_psql "$ZF_PG_STANDBY_PORT" -Atc 'select pg_is_in_recovery()')" = f ] || zf_die "the standby did not leave recovery"
echo "server 127.0.0.1:$ZF_PG_STANDBY_PORT;" >"$ZF_NGINX_DIR/pg-writer.conf"
zf_nginx -t -q
old_workers="$(pgrep -P "$(cat "$ZF_NGINX_DIR/nginx.pid")" | tr '\n' ' ')"
zf_nginx_signal reload
# The signal returns at once: until the old worker has gone, a new connection may still be accepted by
# it and led to the stopped primary. Wait for it, then for the endpoint to answer as a primary.
for _ in $(seq 1 40); do
  alive=0
  for w in $old_workers; do kill -0 "$w" 2>/dev/null && alive=1; done
  [ "$alive" = 0 ] && break
  sleep 0.25
done
for _ in $(seq 1 40); do
  [ "$(PGPASSWORD="$ZF_APP_PASSWORD" psql -X -Atq -h 127.0.0.1 -p "$ZF_PG_WRITER_PORT" -U zuofeng -d zuofeng -c 'select pg_is_in_recovery()' 2>/dev/null)" = f ] && break
  sleep 0.25
done
zf_log "the writer endpoint :$ZF_PG_WRITER_PORT now leads to the promoted standby :$ZF_PG_STANDBY_PORT"
