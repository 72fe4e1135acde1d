package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.Acknowledgement;
import org.medicore.lab.domain.LabMessage;
import org.medicore.lab.domain.MessageFault;

/** A laboratory's result message in its wire format (HL7 v2), and the answer in the same format. */
public interface ReadLabMessage {

    Reading read(byte[] message);

    /** The acknowledgement the lab expects for {@code message} (HL7: ACK with MSA, and ERR when refused). */
    String acknowledge(byte[] message, Acknowledgement acknowledgement);

    sealed interface Reading {
    }

    record Read(LabMessage message) implements Reading {
    }

    record Unreadable(MessageFault fault) implements Reading {
    }
}
