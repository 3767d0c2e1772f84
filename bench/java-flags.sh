#!/usr/bin/env bash
# The JVM flags every benchmark runs with: the module openings Spark needs on Java 17, and the
# collector and the heap's page size as bin/mentoring-analytics chooses them (the throughput
# collector; transparent huge pages where the kernel gives them on request), so a benchmark
# measures what the launcher runs.
echo --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
  -XX:+UseParallelGC
if grep -qs '\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  echo -XX:+UseTransparentHugePages
fi
