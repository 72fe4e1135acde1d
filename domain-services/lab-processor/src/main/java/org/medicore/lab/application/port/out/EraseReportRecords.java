package org.medicore.lab.application.port.out;

/** Report items and outbox entries removed from the store. */
public interface EraseReportRecords {

    /** Removes the report's item; nothing happens when it is gone already. */
    void eraseReport(String reportId);

    /**
     * Removes the outbox entries naming the patient; {@code pendingToo} also those the relay has not
     * published yet. Answers how many went.
     */
    int eraseEventsOf(String patientId, boolean pendingToo);
}
