# The itapipe launcher and its libraries; one image runs any service: docker run itapipe <command> --config ...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl launcher -am package

# Debian, whose chromium is a real package (Ubuntu's is a snap stub that does not run in a container): Chromium
# prints the reports to PDF, the only engine here that shapes Thai correctly; Sarabun ships in the jar.
FROM debian:bookworm-slim
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        openjdk-17-jre-headless chromium chromium-driver fonts-thai-tlwg && rm -rf /var/lib/apt/lists/*
WORKDIR /opt/itapipe
COPY --from=build /src/launcher/target/itapipe.jar ./itapipe.jar
COPY --from=build /src/launcher/target/lib ./lib
COPY service/src/main/resources/org/itapipe/service/service-jvm.properties ./service-jvm.properties
COPY docker/entrypoint.sh ./entrypoint.sh
ENTRYPOINT ["/opt/itapipe/entrypoint.sh"]
