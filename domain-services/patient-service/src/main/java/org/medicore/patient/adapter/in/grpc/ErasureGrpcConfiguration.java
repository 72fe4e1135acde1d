package org.medicore.patient.adapter.in.grpc;

import org.medicore.patient.application.port.in.DecideErasure;
import org.medicore.patient.application.port.in.ReadErasureRequests;
import org.medicore.patient.application.port.in.RequestErasure;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** ErasureService beside PatientService on the same server, behind the same token check and audit. */
@Configuration(proxyBeanMethods = false)
public class ErasureGrpcConfiguration {

    @Bean
    ErasureGrpcEndpoint erasureGrpcEndpoint(RequestErasure requestErasure, DecideErasure decideErasure,
                                            ReadErasureRequests readErasureRequests) {
        return new ErasureGrpcEndpoint(requestErasure, decideErasure, readErasureRequests);
    }
}
