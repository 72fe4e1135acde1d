package org.medicore.lab.domain;

/** The answer to a lab's message: taken (with the report it became) or refused with the fault. */
public sealed interface Acknowledgement {

    record Accepted(String reportId, String note) implements Acknowledgement {
    }

    record Refused(MessageFault fault) implements Acknowledgement {
    }
}
