#!/usr/bin/env bash
# A local Redis for sieve's tests, demos and CI: `npm run redis` starts redis-server from the
# Debian package (installed where missing) on a loopback port, without persistence;
# `npm run redis -- stop` stops it; `npm run redis -- url` prints its URL.
# Port: SIEVE_REDIS_PORT (default 6390). Only ever bound to 127.0.0.1.
set -euo pipefail
port="${SIEVE_REDIS_PORT:-6390}"
dir="${TMPDIR:-/tmp}/sieve-redis-$port"
pidfile="$dir/redis.pid"
cmd="${1:-start}"

running() { [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case "$cmd" in
  start)
    if ! command -v redis-server >/dev/null; then
      echo "redis: installing redis-server (Debian package)" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi
    if running; then echo "redis: already running on 127.0.0.1:$port (pid $(cat "$pidfile"))" >&2; exit 0; fi
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --protected-mode yes --save '' --appendonly no \
      --dir "$dir" --daemonize yes --pidfile "$pidfile" --logfile "$dir/redis.log"
    for _ in $(seq 50); do
      redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && { echo "redis: redis://127.0.0.1:$port (stop: npm run redis -- stop)" >&2; exit 0; }
      sleep 0.1
    done
    echo "redis: did not start; see $dir/redis.log" >&2
    exit 1
    ;;
  stop)
    if running; then kill "$(cat "$pidfile")"; echo "redis: stopped 127.0.0.1:$port" >&2; else echo "redis: not running on 127.0.0.1:$port" >&2; fi
    ;;
  url)
    echo "redis://127.0.0.1:$port"
    ;;
  *)
    echo "usage: npm run redis [-- start|stop|url]" >&2
    exit 2
    ;;
esac
