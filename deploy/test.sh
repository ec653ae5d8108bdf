#!/usr/bin/env bash
# npm run deploy:test — sets the layout up from scratch (deploy/teardown.sh, deploy/setup.sh), runs the
# checks of deploy/test.mjs, and tears it down again (ZF_DEPLOY_KEEP=1 leaves it running).
# Needs root (apt-get, pg_createcluster, nginx); never touches the main PostgreSQL cluster on 5432.
set -uo pipefail
here="$(dirname "$0")"
# shellcheck source=deploy/lib.sh
source "$here/lib.sh"
zf_need_root
zf_guard_ports
export ZF_DEPLOY_DIR ZF_PG_VERSION ZF_PG_PRIMARY ZF_PG_STANDBY ZF_PG_PRIMARY_PORT ZF_PG_STANDBY_PORT \
  ZF_PG_WRITER_PORT ZF_HTTP_PORT ZF_APP_PORTS ZF_MAX_LAG ZF_DEMO

echo "=== deploy/test.sh $(date -u '+%Y-%m-%d %H:%M:%S UTC') on $(nproc) cores, commit $(git -C "$ZF_ROOT" rev-parse --short HEAD) ==="
echo "=== teardown of any previous layout ==="
bash "$here/teardown.sh" || exit 1
echo "=== setup ==="
t0=$(date +%s)
bash "$here/setup.sh" || {
  echo "FAIL setup (logs under $ZF_DEPLOY_DIR)"
  exit 1
}
echo "     setup took $(($(date +%s) - t0)) s; disk under $ZF_DEPLOY_DIR: $(du -sh "$ZF_DEPLOY_DIR" | cut -f1)"
for p in $ZF_APP_PORTS; do
  echo "     app instance :$p resident memory after start: $(($(ps -o rss= -p "$(zf_app_pid "$p")") / 1024)) MB"
done
echo "=== checks ==="
node "$here/test.mjs"
rc=$?
if [ "${ZF_DEPLOY_KEEP:-0}" = 1 ]; then
  echo "=== left running (ZF_DEPLOY_KEEP=1): deploy/teardown.sh removes it ==="
else
  echo "=== teardown ==="
  bash "$here/teardown.sh"
fi
exit $rc
