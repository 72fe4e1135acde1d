package org.medicore.portal;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.FreePorts;
import org.medicore.localstack.LabReportPdf;
import org.medicore.localstack.PortalServer;
import org.medicore.localstack.TestSystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built portal in Debian's headless Chromium, driven by {@code e2e/portal.e2e.mjs}
 * (playwright-core) as a node subprocess, against the whole system: the services from their
 * jars, the BFF and the FHIR API from their jars, the real Keycloak. Screenshots of every screen land in
 * {@code target/screenshots}, the browser's story in {@code target/playwright.log}.
 */
class PortalInTheBrowserTest {

    private static final Path WEB_PORTAL = Path.of("..").toAbsolutePath().normalize();
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @Test
    void a_new_patient_books_and_uploads_a_report_the_doctor_sees_it_live_and_completes_it_billing_is_paid_and_the_dashboard_moves()
            throws IOException, InterruptedException {
        TestSystem system = TestSystem.get().withDemoData();
        int port = FreePorts.free();
        String origin = "http://127.0.0.1:" + port;
        system.keycloak().allowPortalAt(origin);
        // Before the BFF, which is told where it is and waits for it: "Download my record" asks it for the patient's $everything.
        system.fhirApiStarting();
        String graphQl = system.bff(origin);
        // The doctor's first slot must begin just after the patient has booked it (a minute or two
        // into the run: each screen before is checked by axe at two widths), so the doctor can
        // complete it soon after: their day starts then.
        ZoneId doctorZone = system.clinicZone();
        LocalTime firstSlot = LocalTime.now(doctorZone).plusSeconds(150).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // The journey books, moves and cancels on today's free times for several minutes: it needs the
        // doctor's day to have well over an hour left (at 23:22 the reschedule found no second free time).
        // The test system's zone was about noon at its start, so only a system up for ten hours fails here.
        assertThat(firstSlot).as("the doctor's day in %s has too few slots left for the journey", doctorZone)
                .isBetween(LocalTime.of(0, 5), LocalTime.of(22, 30));
        system.demoDoctorWorksEveryDayFrom(firstSlot);

        // The report names the patient the browser signs up, as a lab prints it; anyone else's is held for review.
        String family = "Tester" + Long.toString(System.currentTimeMillis(), 36);
        Path pdf = Files.write(TARGET.resolve("lab-report.pdf"), LabReportPdf.forPatient("Erika " + family, "1990-05-17", List.of(
                "Glucose: 98 mg/dL (70-99)", "Potassium: 5.9 mmol/L (3.5-5.1)", "Sodium: 141 mmol/L (136-145)")));
        Path log = TARGET.resolve("playwright.log");
        try (PortalServer portal = PortalServer.start(WEB_PORTAL.resolve("dist"), port, graphQl, system.keycloak().baseUrl(),
                system.objectStoreEndpoint(), doctorZone.getId())) {
            ProcessBuilder browser = new ProcessBuilder("node", "e2e/portal.e2e.mjs")
                    .directory(WEB_PORTAL.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            browser.environment().put("PORTAL_URL", portal.url());
            browser.environment().put("CLINIC_ZONE", doctorZone.getId());
            browser.environment().put("LAB_REPORT_PDF", pdf.toString());
            browser.environment().put("PATIENT_FAMILY_NAME", family);
            browser.environment().put("SCREENSHOTS", TARGET.resolve("screenshots").toString());
            browser.environment().put("RESULTS", TARGET.resolve("playwright-results.json").toString());
            Process run = browser.start();
            boolean finished = run.waitFor(12, TimeUnit.MINUTES);
            if (!finished) {
                run.destroyForcibly().waitFor();
            }
            String story = Files.readString(log);
            assertThat(finished).as("the browser run did not finish in 12 minutes:%n%s", story).isTrue();
            assertThat(run.exitValue()).as("the browser run failed:%n%s", story).isZero();
        }
    }
}
