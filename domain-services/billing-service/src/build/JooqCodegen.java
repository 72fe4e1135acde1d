import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.medicore.localstack.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Build step (generate-sources), the project's one way of generating jOOQ code (see
 * appointment-service): Flyway-migrates a throwaway PostgreSQL 17 and generates from the real
 * schema. Does nothing while the generated sources are newer than every migration.
 * Arguments: migration folder, output folder, target package.
 */
class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Path stamp = output.resolve(".generated");
        if (Files.exists(stamp) && lastChange(migrations).compareTo(Files.getLastModifiedTime(stamp)) < 0) {
            return;
        }
        Path data = Files.createTempDirectory("billing-codegen-");
        Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "medicore-postgres-binaries");
        try (PostgresServer postgres = PostgresServer.start(data, binaries, 0)) {
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
                                    .withExcludes("flyway_schema_history")
                                    .withIncludeRoutines(false))
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

    private static FileTime lastChange(Path migrations) throws IOException {
        FileTime newest = Files.getLastModifiedTime(migrations);
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                newest = modified.compareTo(newest) > 0 ? modified : newest;
            }
        }
        return newest;
    }
}
