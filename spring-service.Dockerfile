# The image of every Spring Boot service: the six domain services, fhir-api and the BFF. One file, so
# the runtime, the user and the layering change for all of them at once. The ports are the
# services' own (application.yaml, the compose file, the Kubernetes Services), so none is exposed here.
# Build the jars first (from the repository root): ./mvnw -DskipTests package
# then, for one service, with its module folder as the context:
#   docker build -f spring-service.Dockerfile --build-arg SERVICE=billing-service -t medicore/billing-service domain-services/billing-service
# (compose/docker-compose.yml does this for each service). On AWS lab-processor's processing runs as a
# Lambda from target/lab-processor-*-lambda.zip instead; its image serves the gRPC API.

# Stage 1: split the Spring Boot jar into its layers, so a code change only rebuilds the
# small application layer and the dependency layers stay cached.
FROM eclipse-temurin:21-jre AS layers
ARG SERVICE
WORKDIR /build
COPY target/${SERVICE}-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# Stage 2: the runtime image, one COPY per layer (least to most often changed), non-root.
FROM eclipse-temurin:21-jre
RUN groupadd --system --gid 10001 medicore \
 && useradd --system --uid 10001 --gid medicore --home-dir /app --shell /usr/sbin/nologin medicore
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]
