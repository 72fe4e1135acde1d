package org.medicore.lab.application.port.out;

import java.util.List;
import java.util.OptionalLong;

/** The stored PDFs. */
public interface ReportObjects {

    /** The stored size; empty when nothing is stored under the key. */
    OptionalLong sizeOf(String objectKey);

    byte[] read(String objectKey);

    /** Moves the object out of the uploads, to {@code quarantineKey}. */
    void quarantine(String objectKey, String quarantineKey);

    /** Moves the object to {@code toKey}. */
    void move(String objectKey, String toKey);

    void write(String objectKey, byte[] content, String contentType);

    /** Keys under {@code prefix}, oldest first as the store lists them, {@code limit} at most. */
    List<String> keysUnder(String prefix, int limit);
}
