package org.medicore.lab.application.port.out;

import org.medicore.lab.domain.Rejection;

/** The text layer of a PDF. */
public interface ExtractText {

    Extraction extract(byte[] document);

    sealed interface Extraction {
    }

    record Text(String text) implements Extraction {
    }

    record Unusable(Rejection rejection) implements Extraction {
    }
}
