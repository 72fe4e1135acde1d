import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;
import org.medicore.localstack.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Build step (generate-sources): migrates a throwaway PostgreSQL 17 with the module's Flyway
 * scripts and generates the jOOQ classes from the real schema. Skips when the generated
 * sources are newer than every migration.
 * Arguments: migration folder, output folder, target package.
 */
class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]);
        Path output = Path.of(args[1]);
        String targetPackage = args[2];
        Path stamp = output.resolve(".generated");
        if (Files.exists(stamp) && newestMigration(migrations).compareTo(Files.getLastModifiedTime(stamp)) < 0) {
            return;
        }
        Path data = Files.createTempDirectory("appointment-codegen-");
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
                                    .withIncludes(".*")
                                    .withExcludes("flyway_schema_history")
                                    .withIncludeRoutines(false)
                                    .withForcedTypes(new ForcedType()
                                            .withIncludeTypes("tstzrange")
                                            .withUserType("org.medicore.appointment.domain.TimeRange")
                                            .withBinding("org.medicore.appointment.adapter.out.jooq.TstzRangeBinding")))
                            .withGenerate(new Generate().withJavaTimeTypes(true).withGeneratedAnnotation(false))
                            .withTarget(new Target().withPackageName(targetPackage)
                                    .withDirectory(output.toAbsolutePath().toString()))));
            Files.writeString(stamp, "");
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static FileTime newestMigration(Path migrations) throws Exception {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(JooqCodegen::modified).max(Comparator.naturalOrder()).orElse(FileTime.fromMillis(0));
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
