package org.medicore.bench;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.TestSystem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's short version, what CI runs: appointment-service killed with {@code kill -9}
 * and Kafka stopped, each under a steady booking load; every invariant must hold. No timing is
 * asserted (the recovery figures are printed).
 */
class FaultSuiteTest {

    @Test
    void a_killed_service_and_a_kafka_outage_lose_double_and_refuse_nothing() throws Exception {
        List<FaultSuite.Outcome> outcomes = FaultSuite.run(TestSystem.get().withDemoData(), FaultSuite.Options.SHORT);

        String table = FaultSuite.table(outcomes);
        System.out.println(table);
        assertThat(outcomes).as(table).hasSize(2).allSatisfy(outcome -> assertThat(outcome.holds()).as(table).isTrue());
    }
}
