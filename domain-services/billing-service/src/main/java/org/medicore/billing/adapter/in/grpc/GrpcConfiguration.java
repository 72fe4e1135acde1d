package org.medicore.billing.adapter.in.grpc;

import org.medicore.billing.application.port.in.ManageFeeSchedule;
import org.medicore.billing.application.port.in.RecordPayment;
import org.medicore.billing.application.port.in.ViewBilling;
import org.medicore.billing.application.port.in.VoidInvoice;
import org.medicore.billing.config.BillingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.util.Collection;

/** The gRPC endpoint and its token check. */
@Configuration(proxyBeanMethods = false)
public class GrpcConfiguration {

    @Bean
    BillingGrpcEndpoint billingGrpcEndpoint(ViewBilling view, ManageFeeSchedule feeSchedule, RecordPayment payments,
                                            VoidInvoice voiding) {
        return new BillingGrpcEndpoint(view, feeSchedule, payments, voiding);
    }

    @Bean
    @GlobalServerInterceptor
    BearerTokenInterceptor bearerTokenInterceptor(JwtDecoder billingTokenDecoder) {
        return new BearerTokenInterceptor(billingTokenDecoder);
    }

    /** Keycloak tokens: signature by the realm's JWKS, issuer, expiry and our audience. */
    @Bean
    JwtDecoder billingTokenDecoder(BillingProperties properties) {
        BillingProperties.Security security = properties.security();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(security.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(security.audience()))));
        return decoder;
    }
}
