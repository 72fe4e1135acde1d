package org.medicore.fhir.export;

import java.net.URI;
import java.time.Duration;

/** Where a bulk export's NDJSON files are kept and how a client downloads them without a token. */
public interface ExportFiles {

    /** Keeps one file of an export; answers its key. */
    String write(String exportId, String fileName, byte[] ndjson);

    /** A URL that downloads the file without a token for {@code validFor}. */
    URI downloadUrl(String key, Duration validFor);

    /** Removes every file of an export (it was cancelled or its client is done with it). */
    void deleteAll(String exportId);
}
