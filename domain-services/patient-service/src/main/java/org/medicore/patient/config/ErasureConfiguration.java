package org.medicore.patient.config;

import org.medicore.patient.application.port.out.DeletePatientAccount;
import org.medicore.patient.application.port.out.ErasePatientRecords;
import org.medicore.patient.application.port.out.ForgetPatientInAuditTrail;
import org.medicore.patient.application.port.out.LoadErasureRequests;
import org.medicore.patient.application.port.out.LoadPatient;
import org.medicore.patient.application.port.out.SaveErasureRequest;
import org.medicore.patient.application.service.PatientErasure;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Erasure on request wired to its stores, the login it deletes and the audit trail it shreds. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureConfiguration.ErasureProperties.class)
public class ErasureConfiguration {

    /**
     * @param retainClinicalRecords the clinic must keep medical records for a period: an erased patient's history and
     *                              lab results stay under their id, while everything that names them goes
     */
    @ConfigurationProperties("medicore.erasure")
    public record ErasureProperties(boolean retainClinicalRecords) {
    }

    @Bean
    PatientErasure patientErasure(LoadPatient loadPatient, LoadErasureRequests loadErasureRequests,
                                  SaveErasureRequest saveErasureRequest, DeletePatientAccount deletePatientAccount,
                                  ForgetPatientInAuditTrail forgetPatientInAuditTrail, ErasePatientRecords erasePatientRecords,
                                  ErasureProperties properties, Clock clock) {
        return new PatientErasure(loadPatient, loadErasureRequests, saveErasureRequest, deletePatientAccount,
                forgetPatientInAuditTrail, erasePatientRecords, properties.retainClinicalRecords(), clock);
    }
}
