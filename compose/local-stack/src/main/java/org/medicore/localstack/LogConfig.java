package org.medicore.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logging for the launcher and its child JVMs. They share this module's class path, where both
 * logback and log4j2 may be present, so both get a plain console configuration; the chatty
 * libraries (a DynamoDB Local line per request, Kafka's retries while a broker starts) only
 * speak up at WARN.
 */
final class LogConfig {

    private LogConfig() {
    }

    static Path logbackFile(Path directory) {
        return logbackFile(directory, "INFO");
    }

    /** A logback configuration whose root logger speaks at {@code rootLevel}. */
    static Path logbackFile(Path directory, String rootLevel) {
        return write(directory.resolve("logback-" + rootLevel.toLowerCase() + ".xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
                  </appender>
                  <logger name="software.amazon.dynamodb" level="WARN"/>
                  <logger name="org.apache.kafka.clients" level="ERROR"/>
                  <logger name="org.eclipse.jetty" level="WARN"/>
                  <logger name="org.gaul" level="WARN"/>
                  <logger name="io.zonky" level="WARN"/>
                  <root level="ROOT_LEVEL"><appender-ref ref="out"/></root>
                </configuration>
                """.replace("ROOT_LEVEL", rootLevel));
    }

    static Path log4j2File(Path directory) {
        return write(directory.resolve("log4j2.properties"), """
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5level %c{1.} - %msg%n
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                logger.dynamodb.name = software.amazon.dynamodb
                logger.dynamodb.level = ERROR
                """);
    }

    private static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
