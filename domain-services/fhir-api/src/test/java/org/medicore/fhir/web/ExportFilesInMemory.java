package org.medicore.fhir.web;

import org.medicore.fhir.support.FilesInMemory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The bulk export's files kept in memory, for the HTTP layer's tests (the S3 adapter has its own). */
@TestConfiguration
class ExportFilesInMemory {

    @Bean
    FilesInMemory exportFiles() {
        return new FilesInMemory();
    }
}
