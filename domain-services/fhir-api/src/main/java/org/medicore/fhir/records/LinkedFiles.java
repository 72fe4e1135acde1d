package org.medicore.fhir.records;

import java.net.URI;

/** Files a service hands out as a short-lived link (a lab report's PDF), fetched by that link alone. */
public interface LinkedFiles {

    /** The file's bytes; an {@link UnreachableFile} when the link answers anything but the file. */
    byte[] fetch(URI link);

    /** The link expired, was refused or the store did not answer. */
    final class UnreachableFile extends RuntimeException {

        public UnreachableFile(String message) {
            super(message);
        }
    }
}
