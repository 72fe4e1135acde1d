package org.medicore.fhir.web;

import org.medicore.fhir.intake.RecordImport;
import org.medicore.fhir.records.ClinicRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Records brought into MediCore as transaction Bundles. */
@Configuration(proxyBeanMethods = false)
class ImportConfiguration {

    @Bean
    RecordImport recordImport(ClinicRecords records) {
        return new RecordImport(records);
    }
}
