#!/usr/bin/env bash
# Builds the JMH benchmarks of src/bench/java and runs them; arguments go to JMH
# (e.g. bench/jmh.sh BusinessCalendarBenchmark -f 1 -wi 3 -i 5).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath)" org.openjdk.jmh.Main "$@"
