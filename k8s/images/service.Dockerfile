# One image per service from its executable jar (built by ./mvnw -DskipTests install):
#   docker build -f k8s/images/service.Dockerfile \
#     --build-arg JAR=services/approval-request-service/target/approval-request-service-0.1.0-SNAPSHOT-exec.jar \
#     -t erp-approval/approval-request-service:0.1.0 .
# (No Docker engine runs on the development machines; this is for a CI with one, or for kaniko/buildah. Its steps
# are the load suite's ServiceImage's, which measures a service's start and idle memory this way: performance/.)
FROM eclipse-temurin:17-jre AS extract
ARG JAR
COPY ${JAR} /tmp/app.jar
# Extracted (Spring Boot's jar mode): classes are not loaded out of nested jars
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/service

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 erp
# AWS's RDS and DocumentDB certificate authorities (public): on AWS, TLS to RDS for MariaDB (serverSslCert) and to
# DocumentDB (the Spring SSL bundle "rds") checks the servers against them (k8s/overlays/aws/servers.env)
ADD https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /app/rds-ca.pem
RUN chmod 444 /app/rds-ca.pem
COPY --from=extract /app/service /app/service
# The JVM options the load suite measures the services with (serial GC, a small young generation, memory given back)
COPY k8s/images/service.jvm /app/service.jvm
# A class-data-sharing archive from a training run: the classes come mapped from it instead of parsed from the jars.
# Without its servers the run gets as far as the context's refresh, or as the first server it needs, and exits; what
# it loaded is archived then (the suite trains to readiness, with servers, so its archive holds more); no archive at
# all fails the build with the run's log. A JVM that cannot use the archive starts without it.
RUN java @/app/service.jvm -XX:ArchiveClassesAtExit=/app/service.jsa -Dspring.context.exit=onRefresh \
        -jar /app/service/app.jar > /tmp/training.log 2>&1 \
    ; if test -s /app/service.jsa; then chmod 444 /app/service.jsa && rm /tmp/training.log; \
      else tail -n 40 /tmp/training.log; exit 1; fi
USER 10001
# The heap follows the container's memory limit; glibc keeps two malloc arenas, not eight per core
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError" MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["java", "@/app/service.jvm", "-XX:SharedArchiveFile=/app/service.jsa", "-jar", "/app/service/app.jar"]
