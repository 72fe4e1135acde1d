package org.medicore.lab.application.port.out;

import java.util.OptionalLong;

/** The stored PDFs. */
public interface ReportObjects {

    /** The stored size; empty when nothing is stored under the key. */
    OptionalLong sizeOf(String objectKey);

    byte[] read(String objectKey);

    /** Moves the object out of the uploads, to {@code quarantineKey}. */
    void quarantine(String objectKey, String quarantineKey);
}
