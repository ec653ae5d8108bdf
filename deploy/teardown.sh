#!/usr/bin/env bash
# Stops and removes what deploy/setup.sh made: the app instances it started (by their pid files), its
# nginx, its two PostgreSQL clusters, and $ZF_DEPLOY_DIR. The main cluster on 5432 is never touched.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"
zf_need_root
zf_guard_ports

for p in $ZF_APP_PORTS; do
  if zf_app_running "$p"; then
    pid="$(zf_app_pid "$p")"
    zf_log "stopping app instance on port $p (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do zf_app_running "$p" || break; sleep 0.25; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$ZF_RUN_DIR/app-$p.pid"
done
if zf_nginx_running; then
  zf_log "stopping nginx (pid $(cat "$ZF_NGINX_DIR/nginx.pid"))"
  zf_nginx_signal quit || true
  for _ in $(seq 1 40); do zf_nginx_running || break; sleep 0.25; done
fi
for c in "$ZF_PG_STANDBY" "$ZF_PG_PRIMARY"; do
  if zf_cluster_exists "$c"; then
    zf_log "dropping cluster $ZF_PG_VERSION/$c"
    pg_dropcluster --stop "$ZF_PG_VERSION" "$c"
  fi
done
case "$ZF_DEPLOY_DIR" in
  /tmp/* | /var/tmp/* | /srv/zf-* | /opt/zf-*) rm -rf "$ZF_DEPLOY_DIR" ;;
  *) zf_log "left $ZF_DEPLOY_DIR in place (not under /tmp, /var/tmp, /srv/zf-*, /opt/zf-*): remove it yourself" ;;
esac
zf_log "torn down"
