# One image per service from its executable jar (built by ./mvnw -DskipTests install):
#   docker build -f k8s/images/service.Dockerfile \
#     --build-arg JAR=services/approval-request-service/target/approval-request-service-0.1.0-SNAPSHOT-exec.jar \
#     -t erp-approval/approval-request-service:0.1.0 .
# (No Docker engine runs on the development machines; this is for a CI with one, or for kaniko/buildah.)
FROM eclipse-temurin:17-jre
ARG JAR
RUN useradd --system --uid 10001 erp
# AWS's RDS and DocumentDB certificate authorities (public): on AWS, TLS to RDS for MariaDB (serverSslCert) and to
# DocumentDB (the Spring SSL bundle "rds") checks the servers against them (k8s/overlays/aws/servers.env)
ADD https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem /app/rds-ca.pem
RUN chmod 444 /app/rds-ca.pem
COPY ${JAR} /app/app.jar
USER 10001
# The heap follows the container's memory limit; SerialGC keeps an idle service small (DESIGN §5)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
