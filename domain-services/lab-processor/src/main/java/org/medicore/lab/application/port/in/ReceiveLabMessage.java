package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.LabReport;
import org.medicore.support.port.Outcome;

import java.util.Optional;

/**
 * A laboratory's result message (HL7 v2 ORU^R01), from a partner's call or a file dropped in the
 * bucket, through the same reading and review rules as a PDF report.
 */
public interface ReceiveLabMessage {

    /** The lab's answer (taken, or refused with why) and the report the message became. */
    Outcome<Receipt> receive(Caller sender, byte[] message);

    /** {@code acknowledgement} in the message's own protocol; {@code code} AA, AE or AR. */
    record Receipt(String acknowledgement, String code, Optional<LabReport> report) {
    }
}
