#!/usr/bin/env bash
# The load-test suite: builds everything, then starts the system fresh and runs every scenario on both
# dispatch paths. Results: performance/results/<timestamp>/report.html and report.json.
#
#   performance/run.sh [smoke|drain|faults|startup|full] [standalone|services]
#
# smoke: under a minute of scenarios after a ~35 s start; drain: saturation and a 100k backlog's drain (the rest as briefly
# as in smoke), about 15 minutes on 2 cores, 22 as services (to compare two versions); faults: the fault scenarios alone (processing
# stopped, the broker slow) at the full run's size after its warm-up, about 12 minutes; startup: only each service's start as its own
# JVM (ready time, RSS), about 9 minutes (each service started three times); full: about 35 minutes, 45 as services.
# PERF_JVM="-Xms1g -Xmx6g -XX:+UseSerialGC" replaces the standalone JVM's heap and GC options.
# PERF_SERVICE_JVM="-XX:StartFlightRecording=filename=/tmp/jfr/" adds options to each service JVM's (services, startup).
# PERF_START_REPEATS=1 starts each service once where its start-up is measured (3 by default: the median counts).
# PERF_MONGO=embedded runs the MongoDB-wire server inside the standalone JVM (by default it has a JVM of its own).
set -euo pipefail
cd "$(dirname "$0")/.."
plan="${1:-full}"
topology="${2:-standalone}"
./mvnw -q -B -DskipTests install
./mvnw -q -B -pl performance dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java --add-opens=java.base/java.lang=ALL-UNNAMED -Xms512m -Xmx2g -Dperf.jvm="${PERF_JVM:-}" -Dperf.mongo="${PERF_MONGO:-}" \
  -Dperf.service-jvm="${PERF_SERVICE_JVM:-}" -Dperf.start-repeats="${PERF_START_REPEATS:-3}" \
  -cp "performance/target/classes:$(cat performance/target/classpath.txt)" \
  com.erp.perf.PerfSuite "$plan" "$topology"
