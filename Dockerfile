# The application image that README's Kubernetes CronJob runs (args: ["refresh"]): Java 17, the
# DejaVu fonts the report embeds, the application jar, its libraries and its launcher; no source, no Maven.
#
#   ./mvnw -B -q -DskipTests install
#   docker build -t registry.example.com/mentoring-analytics:0.1.0 .
#   docker run --rm -v /data:/data -e MENTORING_PSEUDONYM_KEY=... registry.example.com/mentoring-analytics:0.1.0 refresh
#
# Settings come from the environment (MENTORING_WAREHOUSE, MENTORING_LANDING, MENTORING_REPORTS,
# MENTORING_JOB_REPOSITORY, ...) or a properties file named by MENTORING_CONFIG.
FROM eclipse-temurin:17-jre-jammy

RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --no-create-home --home-dir /opt/mentoring-analytics mentoring

WORKDIR /opt/mentoring-analytics
COPY --chown=root:root bin/mentoring-analytics bin/mentoring-analytics
COPY --chown=root:root app/target/mentoring-analytics.jar app/target/mentoring-analytics.jar
COPY --chown=root:root app/target/lib app/target/lib

ENV MENTORING_LANDING=/data/landing \
    MENTORING_WAREHOUSE=/data/warehouse \
    MENTORING_REPORTS=/data/reports \
    MENTORING_HEAP=3g

# Never root: the warehouse and reports belong to the mentoring user (uid 10001) on the volume.
USER 10001
ENTRYPOINT ["/opt/mentoring-analytics/bin/mentoring-analytics"]
CMD ["--help"]
