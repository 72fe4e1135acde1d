package org.medicore.bench;

import org.junit.jupiter.api.Test;
import org.medicore.localstack.TestSystem;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault suite's short version, what CI runs: appointment-service killed with {@code kill -9}
 * and Kafka stopped, each under a steady booking load; every invariant must hold. No timing is
 * asserted (the recovery figures are printed). A broken invariant comes with what the services logged at ERROR, since
 * the system's folder, and its logs, go with the JVM.
 */
class FaultSuiteTest {

    @Test
    void a_killed_service_and_a_kafka_outage_lose_double_and_refuse_nothing() throws Exception {
        TestSystem system = TestSystem.get().withDemoData();
        List<FaultSuite.Outcome> outcomes = FaultSuite.run(system, FaultSuite.Options.SHORT);

        String table = FaultSuite.table(outcomes);
        System.out.println(table);
        String explained = outcomes.stream().allMatch(FaultSuite.Outcome::holds) ? table
                : table + "\n" + LoggedErrors.summary(system.logDirectory());
        assertThat(outcomes).as(explained).hasSize(2).allSatisfy(outcome -> assertThat(outcome.holds()).as(explained).isTrue());
    }
}
