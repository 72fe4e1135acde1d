package org.medicore.fhir.web;

import org.medicore.fhir.export.BulkExports;
import org.medicore.fhir.export.ExportFiles;
import org.medicore.fhir.export.WholeRecord;
import org.medicore.fhir.records.ClinicRecords;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The whole record of a patient and the bulk exports made of it. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExportConfiguration.ExportSettings.class)
class ExportConfiguration {

    /** @param filesValidFor how long a finished export's download URLs work; the export is forgotten after */
    @ConfigurationProperties("medicore.fhir.export")
    record ExportSettings(@DefaultValue("1h") Duration filesValidFor) {
    }

    @Bean
    WholeRecord wholeRecord(ClinicRecords records) {
        return new WholeRecord(records);
    }

    /** One export at a time: they are long reads, and the services serve the clinic first. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService bulkExportRunner() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("bulk-export").daemon().factory());
    }

    @Bean
    BulkExports bulkExports(WholeRecord wholeRecord, ExportFiles exportFiles, ExecutorService bulkExportRunner, Clock clock,
                            ExportSettings settings) {
        return new BulkExports(wholeRecord, exportFiles, bulkExportRunner, clock, settings.filesValidFor());
    }
}
