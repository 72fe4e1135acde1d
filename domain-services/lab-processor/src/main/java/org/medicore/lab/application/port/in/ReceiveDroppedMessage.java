package org.medicore.lab.application.port.in;

import java.util.Optional;

/**
 * A lab's result message dropped as a file under {@code hl7/} in the bucket: taken as a partner's
 * call would be, its answer written to {@code hl7-acks/<name>.ack} and the file moved to
 * {@code hl7-received/<patient>/<report>.hl7} when it became a report, else to {@code hl7-received/<name>}. Both triggers drive it: the bucket notification (Lambda) and the
 * local poller.
 */
public interface ReceiveDroppedMessage {

    /** The receipt; empty when nothing (more) is stored under the key or it is not a drop. */
    Optional<ReceiveLabMessage.Receipt> receiveDropped(String objectKey);
}
