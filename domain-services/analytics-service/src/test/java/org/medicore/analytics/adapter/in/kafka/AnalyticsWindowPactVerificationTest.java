package org.medicore.analytics.adapter.in.kafka;

import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.medicore.localstack.pact.RelayedEvents;
import org.medicore.localstack.pact.VerifiesPacts;

import java.nio.file.Path;

import static org.medicore.analytics.fixtures.AnAppointment.anAppointment;

/**
 * The analytics windows the BFF's subscription relies on, verified against what the production
 * topology writes to the analytics topic (its real serdes and headers, in a test driver).
 */
@Provider("analytics-service")
@PactFolder("${medicore.pacts}")
class AnalyticsWindowPactVerificationTest implements VerifiesPacts {

    @TempDir
    Path stateDir;
    private TopologyDriver topology;

    @BeforeEach
    void startTopology() {
        topology = new TopologyDriver(stateDir);
    }

    @AfterEach
    void closeDriver() {
        topology.close();
    }

    @State("a booking is counted in its minute")
    void aBookingIsCounted() {
        TopologyDriver.send(topology.input(AnalyticsTopology.APPOINTMENTS),
                anAppointment().atClinic("clinic-1").booked(TopologyDriver.NINE.plusSeconds(10)));
    }

    @PactVerifyProvider("AnalyticsWindow")
    MessageAndMetadata analyticsWindow() {
        TestRecord<String, String> window = topology.analyticsAsWritten().readRecord();
        return RelayedEvents.message(AnalyticsTopology.ANALYTICS, window.key(), window.value(), window.headers());
    }
}
