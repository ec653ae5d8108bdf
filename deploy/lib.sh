# Shared settings of deploy/*.sh (sourced, not run). Every value can be set in the environment.
# Nothing here touches the PostgreSQL cluster on 5432 ("main"): the two clusters below have names
# and ports of their own, and their data lives under $ZF_DEPLOY_DIR.

ZF_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ZF_DEPLOY_DIR="${ZF_DEPLOY_DIR:-/tmp/zf-deploy}"
ZF_PG_VERSION="${ZF_PG_VERSION:-15}"
ZF_PG_PRIMARY="${ZF_PG_PRIMARY:-zfprimary}"     # cluster names (pg_lsclusters)
ZF_PG_STANDBY="${ZF_PG_STANDBY:-zfstandby}"
ZF_PG_PRIMARY_PORT="${ZF_PG_PRIMARY_PORT:-54331}"
ZF_PG_STANDBY_PORT="${ZF_PG_STANDBY_PORT:-54332}"
ZF_PG_WRITER_PORT="${ZF_PG_WRITER_PORT:-54330}" # nginx stream: always the current primary
ZF_HTTP_PORT="${ZF_HTTP_PORT:-8480}"            # nginx http: the app instances
ZF_APP_PORTS="${ZF_APP_PORTS:-3101 3102}"       # one app instance per port (two or more)
ZF_MAX_LAG="${ZF_MAX_LAG:-5}"                   # ZUOFENG_MAX_STANDBY_LAG_SECONDS
ZF_DEMO="${ZF_DEMO:-1}"                         # ZUOFENG_DEMO: seed the demo unit on first start

ZF_NGINX_DIR="$ZF_DEPLOY_DIR/nginx"
ZF_RUN_DIR="$ZF_DEPLOY_DIR/run"
ZF_SECRETS="$ZF_DEPLOY_DIR/secrets.env"

zf_log() { printf '[deploy] %s\n' "$*"; }
zf_die() {
  printf '[deploy] ERROR: %s\n' "$*" >&2
  exit 1
}
zf_need_root() { [ "$(id -u)" = 0 ] || zf_die "run as root (apt-get, pg_createcluster, nginx)"; }

zf_guard_ports() {
  for p in "$ZF_PG_PRIMARY_PORT" "$ZF_PG_STANDBY_PORT" "$ZF_PG_WRITER_PORT"; do
    [ "$p" != 5432 ] || zf_die "port 5432 belongs to the main cluster: choose another"
  done
  for n in "$ZF_PG_PRIMARY" "$ZF_PG_STANDBY"; do
    [ "$n" != main ] || zf_die "the cluster name main is taken by the main cluster: choose another"
  done
}

# psql as the postgres superuser on one of our clusters (peer authentication over the socket).
zf_psql() {
  local port="$1"
  shift
  runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" -d postgres "$@"
}

zf_cluster_exists() { pg_lsclusters -h | awk -v v="$ZF_PG_VERSION" -v n="$1" '$1 == v && $2 == n { f = 1 } END { exit !f }'; }
zf_cluster_online() { pg_lsclusters -h | awk -v v="$ZF_PG_VERSION" -v n="$1" '$1 == v && $2 == n && $4 ~ /online/ { f = 1 } END { exit !f }'; }
zf_pg_start() { zf_cluster_online "$1" || pg_ctlcluster --skip-systemctl-redirect "$ZF_PG_VERSION" "$1" start; }
zf_pg_stop() { ! zf_cluster_online "$1" || pg_ctlcluster --skip-systemctl-redirect "$ZF_PG_VERSION" "$1" stop -m fast; }

zf_wait_pg() {
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p "$1" && return 0
    sleep 0.5
  done
  zf_die "PostgreSQL on port $1 did not come up"
}

zf_nginx() { nginx -p "$ZF_NGINX_DIR/" -c "$ZF_NGINX_DIR/nginx.conf" "$@"; }
# nginx -s prints a notice on stderr each time; errors still show.
zf_nginx_signal() { zf_nginx -s "$1" 2> >(grep -v 'signal process started' >&2); }
zf_nginx_running() { [ -f "$ZF_NGINX_DIR/nginx.pid" ] && kill -0 "$(cat "$ZF_NGINX_DIR/nginx.pid")" 2>/dev/null; }

zf_app_pid() { cat "$ZF_RUN_DIR/app-$1.pid" 2>/dev/null || true; }
# A killed instance whose parent is gone stays a zombie (Z) until init reaps it, and some inits (a
# container's or a microVM's) never do: kill -0 still succeeds on it, so the state is read too.
zf_app_running() {
  local pid
  pid="$(zf_app_pid "$1")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$(ps -o stat= -p "$pid" | cut -c1)" != Z ]
}

zf_wait_http() {
  for _ in $(seq 1 "${2:-120}"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
