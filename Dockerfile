# mig in a container: docker build -t mig . && docker run --rm -v "$PWD:/project" mig plan
# Builds from this checkout, then runs the distribution archive on a Java 17 runtime.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl mig-cli -am package

FROM eclipse-temurin:17-jre
COPY --from=build /src/mig-cli/target/mig-*.tar.gz /tmp/mig.tar.gz
RUN mkdir -p /opt/mig && tar xzf /tmp/mig.tar.gz -C /opt/mig --strip-components=1 && rm /tmp/mig.tar.gz \
    && ln -s /opt/mig/bin/mig /usr/local/bin/mig
WORKDIR /project
ENTRYPOINT ["mig"]
CMD ["--help"]
