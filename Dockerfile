# The itapipe launcher and its libraries; one image runs any service: docker run itapipe <command> --config ...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl launcher -am package

FROM eclipse-temurin:17-jre
WORKDIR /opt/itapipe
COPY --from=build /src/launcher/target/itapipe.jar ./itapipe.jar
COPY --from=build /src/launcher/target/lib ./lib
ENTRYPOINT ["java", "-jar", "/opt/itapipe/itapipe.jar"]
