#!/usr/bin/env bash
# Pages/s of 1, 2 and 4 `kumo worker` processes sharing one Redis, against the latency-bound test site.
# Usage: kumo-bench/scripts/redis-workers.sh [PAGES] [LATENCY_MS] [RUNS]   (needs kumo-cli/target/kumo.jar and
# /usr/bin/redis-server). Prints one line per run and the medians: pages/s measured by the site (first to last
# request start), wall time of the slowest worker, Redis commands per page and Redis CPU ms per page.
set -euo pipefail
PAGES=${1:-2000}; LATENCY=${2:-50}; RUNS=${3:-3}
JAR=${KUMO_JAR:-kumo-cli/target/kumo.jar}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
WORK=$(mktemp -d /tmp/kumo-redis-bench.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
RPORT=$(free_port); SPORT=$(free_port); PW=bench-$RANDOM
redis-server --port "$RPORT" --bind 127.0.0.1 --requirepass "$PW" --save '' --appendonly no --dir "$WORK" \
  > "$WORK/redis.log" 2>&1 & RPID=$!
"$JAVA" -jar "$JAR" site --pages "$PAGES" --latency-ms "$LATENCY" --port "$SPORT" > "$WORK/site.log" 2>&1 & SPID=$!
trap 'kill $RPID $SPID 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 100); do grep -q "Test site" "$WORK/site.log" && break; sleep 0.2; done
cat > "$WORK/spider.yaml" <<YAML
name: bench
start_urls: [http://127.0.0.1:$SPORT/page/0]
start_callback: page
rules:
  - allow: '/page/\d+$'
    callback: page
    follow: true
items:
  page:
    fields:
      url: {value: url}
      title: {css: 'h1.title::text'}
YAML
rcli() { redis-cli -p "$RPORT" -a "$PW" --no-auth-warning "$@"; }
site_starts() { curl -s "http://127.0.0.1:$SPORT/__stats" | python3 -c '
import json,sys; s=json.load(sys.stdin); t=[x for v in s["requestStartNanosByHost"].values() for x in v]; t.sort()
print(" ".join(map(str,t)))'; }
redis_calls() { rcli info commandstats | awk -F'[=,:]' '/^cmdstat_/{n+=$3} END{print n}'; }
redis_cpu() { rcli info cpu | awk -F: '/^used_cpu_(sys|user):/{s+=$2} END{printf "%.3f", s}'; }
export KUMO_REDIS_PASSWORD=$PW
echo "workers run pages_per_s wall_s redis_cmds_per_page redis_cpu_ms_per_page"
for W in 1 2 4; do
  for R in $(seq "$RUNS"); do
    BEFORE=$(site_starts | wc -w); CALLS=$(redis_calls); CPU=$(redis_cpu)
    T0=$(date +%s.%N); PIDS=()
    for i in $(seq "$W"); do
      "$JAVA" -jar "$JAR" worker "$WORK/spider.yaml" --redis "redis://127.0.0.1:$RPORT/0" --crawl "bench-$W-$R" \
        -q --set concurrent_requests=16 --set concurrent_requests_per_domain=64 --set logstats_interval=0 \
        --set robotstxt_obey=false > /dev/null 2>"$WORK/worker-$i.err" & PIDS+=($!)
    done
    for p in "${PIDS[@]}"; do wait "$p"; done
    T1=$(date +%s.%N)
    site_starts | python3 -c '
import sys; t=list(map(int,sys.stdin.read().split()))[int(sys.argv[1]):]
pages=int(sys.argv[2]); calls=int(sys.argv[5])-int(sys.argv[4]); cpu=float(sys.argv[7])-float(sys.argv[6])
print(sys.argv[8], sys.argv[9], "%.0f" % (len(t)/((t[-1]-t[0])/1e9)), "%.1f" % (float(sys.argv[3])),
      "%.1f" % (calls/pages), "%.2f" % (cpu*1000/pages))' "$BEFORE" "$PAGES" "$(echo "$T1 - $T0" | bc)" \
      "$CALLS" "$(redis_calls)" "$CPU" "$(redis_cpu)" "$W" "$R"
  done
done | tee "$WORK/runs.txt"
python3 - "$WORK/runs.txt" <<'PY'
import sys, statistics
rows=[l.split() for l in open(sys.argv[1]) if l[0].isdigit()]
print("median: workers pages_per_s wall_s redis_cmds_per_page redis_cpu_ms_per_page")
for w in sorted({r[0] for r in rows}, key=int):
    rs=[r for r in rows if r[0]==w]
    print("median:", w, *["%g" % statistics.median(float(r[i]) for r in rs) for i in range(2, 6)])
PY
