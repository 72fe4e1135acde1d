package org.medicore.bench;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.FreePorts;
import org.medicore.localstack.PortalServer;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.localstack.TestSystem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's smoke mode against the whole system from the reactor's jars, so the load client
 * never rots: every scenario runs a handful of operations and none fails. No timing is asserted.
 */
class BenchSmokeTest {

    @Test
    void every_scenario_runs_against_the_whole_system_without_a_failure() throws Exception {
        TestSystem system = TestSystem.get().withDemoData();
        int portalPort = FreePorts.free();
        String origin = "http://127.0.0.1:" + portalPort;
        system.keycloak().allowPortalAt(origin);
        String bff = system.bff(origin);
        String postgresPort = TestStack.postgres().jdbcUrl("postgres").replaceAll(".*:(\\d+)/.*", "$1");
        Path out = Files.createTempDirectory("bench").resolve("results.json");
        List<String> args = new ArrayList<>(List.of("--smoke",
                "--patient=" + system.patientTarget(), "--appointment=" + system.appointmentTarget(),
                "--billing=" + system.billingTarget(), "--bff=" + bff, "--keycloak-issuer=" + system.keycloak().issuer(),
                "--postgres-url=postgresql://" + PostgresServer.USER + ":" + PostgresServer.PASSWORD + "@127.0.0.1:" + postgresPort,
                "--kafka=" + TestStack.kafka().bootstrapServers(), "--fhir=" + system.fhirApi(), "--out=" + out));

        Report report;
        // The built portal, as the reactor leaves it before this module (web-portal is declared
        // before bench; not a dependency, so bench/run's compile does not rebuild what a stack serves).
        try (PortalServer portal = PortalServer.start(Path.of("..", "web-portal", "dist").toAbsolutePath().normalize(), portalPort,
                bff, system.keycloak().baseUrl(), system.objectStoreEndpoint(), "Europe/Berlin")) {
            args.add("--portal=" + portal.url());
            report = BenchMain.run(BenchMain.Options.parse(args.toArray(String[]::new)));
        }
        report.writeJson(out);

        assertThat(report.scenarios()).extracting(Measured::scenario).hasSize(13);
        assertThat(report.scenarios()).allSatisfy(scenario -> {
            assertThat(scenario.operations()).as(scenario.scenario()).isPositive();
            assertThat(scenario.failures()).as(scenario.scenario() + ": " + scenario.firstFailure()).isZero();
        });
        assertThat(report.pgbenchTps()).as("pgbench TPC-B (Debian's postgresql-client)").isPresent();
        assertThat(report.bookingSqlTps()).as("pgbench running one booking's SQL").isPresent();
        assertThat(Files.readString(out)).contains("\"scenarios\"", "p99Ms", "cpuMsPerOperation", "\"targets\"", "firstScreens");
    }
}
