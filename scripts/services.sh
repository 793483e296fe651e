#!/usr/bin/env bash
# Makes sure MariaDB and Redis run on this machine for Luckify and its tests (Debian 12 / Ubuntu, as root
# or through sudo), and with --for-tests what the tests need besides (Chromium, chromedriver, poppler-utils, nginx, promtool). Installs the packages
# when they are missing, starts what is stopped, and creates the
# databases `luckify` and `luckify_test` with the development user luckify/luckify. A quick no-op when all
# of that is already true. Set LUCKIFY_SKIP_SERVICES=1 to use servers you run yourself (then point
# LUCKIFY_DB_URL / LUCKIFY_REDIS_HOST at them).
set -euo pipefail

if [[ "${LUCKIFY_SKIP_SERVICES:-0}" == "1" ]]; then
  echo "services: LUCKIFY_SKIP_SERVICES=1, leaving MariaDB and Redis alone"
  exit 0
fi

if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=LUCKIFY_SKIP_SERVICES "$0" "$@"
  fi
  echo "services: run this as root (or install sudo): it installs and starts MariaDB and Redis" >&2
  exit 1
fi

log() { echo "services: $*"; }

db_up() { mariadb-admin ping --silent >/dev/null 2>&1; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

wait_for() { # name, check function, seconds
  local i
  for ((i = 0; i < $3 * 4; i++)); do
    if "$2"; then return 0; fi
    sleep 0.25
  done
  echo "services: $1 did not come up within $3 s" >&2
  return 1
}

missing=()
command -v mariadbd >/dev/null 2>&1 || [[ -x /usr/sbin/mariadbd ]] || missing+=(mariadb-server mariadb-client)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v mariadb >/dev/null 2>&1 || missing+=(mariadb-client)
command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
# --for-tests (./luckify test): the admin console's browser tests drive Debian's headless Chromium through
# its chromedriver (a CJK font lets their screenshots show Chinese text); the report tests read PDFs back with
# poppler's pdftotext and render a page with pdftoppm
if [[ "${1:-}" == "--for-tests" ]]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  [[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || missing+=(fonts-wqy-microhei)
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # ReplicasBehindRoundRobinIT puts Debian's nginx with ops/nginx/luckify.conf in front of two replicas (it runs
  # its own nginx process; without nginx it alternates between the replicas itself)
  [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  # OperationsArtifactsIT checks ops/prometheus's alert rules with promtool, which comes with Debian's prometheus
  command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
fi
if ((${#missing[@]})); then
  log "installing ${missing[*]} (about a minute)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends $(printf '%s\n' "${missing[@]}" | sort -u) >/dev/null
  # a freshly installed nginx may start the system's service on port 80; the tests want only their own
  if [[ " ${missing[*]} " == *" nginx "* ]]; then
    service nginx stop >/dev/null 2>&1 || true
  fi
  # likewise the prometheus package's own server (port 9090) and node exporter: only promtool is wanted
  if [[ " ${missing[*]} " == *" prometheus "* ]]; then
    service prometheus stop >/dev/null 2>&1 || true
    service prometheus-node-exporter stop >/dev/null 2>&1 || true
  fi
fi

if ! db_up; then
  log "starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  service mariadb start >/dev/null 2>&1 || service mysql start >/dev/null 2>&1 \
    || start-stop-daemon --start --oknodo --background --chuid mysql --exec /usr/sbin/mariadbd
  wait_for MariaDB db_up 60
fi

if ! redis_up; then
  log "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for Redis redis_up 20
fi

# root logs in through the Unix socket only; the application user has a password for JDBC
mariadb -uroot <<'SQL'
CREATE DATABASE IF NOT EXISTS luckify CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS luckify_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'luckify'@'localhost' IDENTIFIED BY 'luckify';
CREATE USER IF NOT EXISTS 'luckify'@'127.0.0.1' IDENTIFIED BY 'luckify';
GRANT ALL ON luckify.* TO 'luckify'@'localhost';
GRANT ALL ON luckify.* TO 'luckify'@'127.0.0.1';
GRANT ALL ON luckify_test.* TO 'luckify'@'localhost';
GRANT ALL ON luckify_test.* TO 'luckify'@'127.0.0.1';
-- the test JVM's Spring contexts and the Luckify processes the tests start beside it each hold a pool: room for them
SET GLOBAL max_connections = GREATEST(@@GLOBAL.max_connections, 500);
SQL
log "MariaDB and Redis are up on 127.0.0.1 (databases luckify and luckify_test, user luckify)"
