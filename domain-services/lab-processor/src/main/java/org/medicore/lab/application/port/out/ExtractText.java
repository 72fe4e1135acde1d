package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.PrintedReport;
import org.medicore.lab.domain.Rejection;

import java.time.Duration;

/** The text layer of a PDF, with where each word sits on its page. */
public interface ExtractText {

    /** Reads at most {@code maxPages} pages and gives up after {@code budget}, both refusals the uploader can read. */
    Extraction extract(byte[] document, int maxPages, Duration budget);

    sealed interface Extraction {
    }

    record Text(PrintedReport report) implements Extraction {
    }

    record Unusable(Rejection rejection) implements Extraction {
    }
}
