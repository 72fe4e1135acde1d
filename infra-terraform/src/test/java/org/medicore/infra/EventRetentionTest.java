package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The event topics bound how long an erased patient's events outlive the erasure (GDPR art. 17): they are streams,
 * not compacted, so nothing is forgotten by a tombstone; a record goes when its segment does, at most 8 days after
 * it was written (a segment rolls daily and is deleted 7 days after its last record).
 */
class EventRetentionTest {

    @Test
    void theBrokersDeleteEventsAWeekAfterTheirSegmentRollsDailyAndCompactNothing() {
        String properties = String.valueOf(Hcl.typedBlocks("modules/msk", "resource").get("aws_msk_configuration").get("this")
                .get("server_properties"));

        assertThat(properties).contains("log.retention.hours=168", "log.roll.hours=24")
                .doesNotContain("log.retention.ms", "log.retention.bytes", "log.cleanup.policy");
    }
}
