package org.medicore.localstack;

import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The build step (generate-sources) that gives a service its jOOQ classes: Flyway-migrates a
 * throwaway real PostgreSQL 17 with the service's scripts and generates from that schema, so
 * PostgreSQL types (tstzrange, jsonb) and constraints are seen as they are. Does nothing while
 * the generated sources are newer than every migration.
 * <p>
 * Arguments: migration folder, output folder, target package, then any number of forced types
 * as {@code sqlType=userType:bindingClass}.
 */
public final class JooqCodegen {

    private JooqCodegen() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: JooqCodegen <migrations> <output> <package> [sqlType=userType:binding ...]");
        }
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve(".generated");
        if (Files.exists(stamp) && lastChange(migrations).compareTo(Files.getLastModifiedTime(stamp)) < 0) {
            return;
        }
        List<ForcedType> forcedTypes = Arrays.stream(args, 3, args.length).map(JooqCodegen::forcedType).toList();
        Path data = Files.createTempDirectory("medicore-jooq-codegen-");
        // A build step: only problems belong in the build's output.
        System.setProperty("logback.configurationFile", LogConfig.logbackFile(data.resolve("logs"), "WARN").toString());
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "medicore-postgres-binaries");
        try (PostgresServer postgres = PostgresServer.start(data.resolve("pgdata"), binaries, 0)) {
            postgres.ensureDatabase("codegen");
            String url = postgres.jdbcUrl("codegen");
            Flyway.configure()
                    .dataSource(url, PostgresServer.USER, PostgresServer.PASSWORD)
                    .locations("filesystem:" + migrations.toAbsolutePath())
                    .load()
                    .migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                            .withUser(PostgresServer.USER).withPassword(PostgresServer.PASSWORD))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withIncludes(".*")
                                    .withExcludes("flyway_schema_history")
                                    // btree_gist would otherwise add some 190 routine classes
                                    .withIncludeRoutines(false)
                                    .withForcedTypes(forcedTypes))
                            .withGenerate(new Generate().withJavaTimeTypes(true).withGeneratedAnnotation(false))
                            .withTarget(new Target().withPackageName(args[2])
                                    .withDirectory(output.toAbsolutePath().toString()))));
            Files.writeString(stamp, "");
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static ForcedType forcedType(String spec) {
        String[] typeAndRest = spec.split("=", 2);
        String[] userTypeAndBinding = typeAndRest.length == 2 ? typeAndRest[1].split(":", 2) : new String[0];
        if (userTypeAndBinding.length != 2) {
            throw new IllegalArgumentException("a forced type reads sqlType=userType:bindingClass, not " + spec);
        }
        return new ForcedType().withIncludeTypes(typeAndRest[0])
                .withUserType(userTypeAndBinding[0]).withBinding(userTypeAndBinding[1]);
    }

    private static FileTime lastChange(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(JooqCodegen::modified).max(Comparator.naturalOrder()).orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
