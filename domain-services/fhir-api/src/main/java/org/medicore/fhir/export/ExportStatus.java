package org.medicore.fhir.export;

import java.time.Instant;
import java.util.List;

/** Where a bulk export stands, as its status URL answers it. */
public sealed interface ExportStatus {

    /** Still gathering: how far, in the client's words ({@code 3 of 10 patients}). */
    record Running(String progress) implements ExportStatus {
    }

    /**
     * Done: one file per resource type, and the refusals (one OperationOutcome each) in their own file.
     *
     * @param transactionTime when the records were read from
     * @param expires         when the download URLs stop working
     */
    record Completed(Instant transactionTime, String requestUrl, List<File> output, List<File> errors, Instant expires)
            implements ExportStatus {

        public Completed {
            output = List.copyOf(output);
            errors = List.copyOf(errors);
        }
    }

    /** It could not be finished (the file store failed); no file is handed out. Said until {@code expires}, like a manifest. */
    record Failed(String reason, Instant expires) implements ExportStatus {
    }

    /** One NDJSON file: its resource type, download URL and number of resources. */
    record File(String type, String url, int count) {
    }
}
