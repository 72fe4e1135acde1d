package org.medicore.patient.adapter.in.grpc;

import org.medicore.support.security.RealmTokens;
import org.medicore.support.time.DatabaseTime;
import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AttachLabResult;
import org.medicore.patient.application.port.in.GetPatients;
import org.medicore.patient.application.port.in.ListHistory;
import org.medicore.patient.application.port.in.ListLabResults;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.application.port.in.SearchPatients;
import org.medicore.patient.application.port.in.UpdateDemographics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;


/** The gRPC adapter's wiring: the endpoint and the token decoder service-support's bearer-token check uses on every call. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GrpcConfiguration.SecurityProperties.class)
public class GrpcConfiguration {

    /**
     * @param issuer            the Keycloak realm's issuer URL, checked on every token
     * @param jwkSetUri         where the realm publishes its signing keys
     * @param audience          the audience every token must carry
     */
    @ConfigurationProperties("medicore.patient.security")
    public record SecurityProperties(String issuer, String jwkSetUri, String audience) {
    }

    @Bean
    PatientGrpcEndpoint patientGrpcEndpoint(RegisterPatient registerPatient, GetPatients getPatients,
                                            SearchPatients searchPatients, UpdateDemographics updateDemographics,
                                            AddHistoryEntry addHistoryEntry, ListHistory listHistory,
                                            AttachLabResult attachLabResult, ListLabResults listLabResults) {
        return new PatientGrpcEndpoint(registerPatient, getPatients, searchPatients, updateDemographics,
                addHistoryEntry, listHistory, attachLabResult, listLabResults);
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, DatabaseTime time) {
        return RealmTokens.decoder(properties.issuer(), properties.jwkSetUri(), properties.audience(), time.clock());
    }
}
