package org.medicore.billing.adapter.in.grpc;

import org.medicore.billing.application.port.in.ManageFeeSchedule;
import org.medicore.billing.application.port.in.RecordPayment;
import org.medicore.billing.application.port.in.ViewBilling;
import org.medicore.billing.application.port.in.VoidInvoice;
import org.medicore.billing.config.BillingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.medicore.support.security.RealmTokens;
import org.medicore.support.time.DatabaseTime;

/** The gRPC endpoint and the token decoder service-support's bearer-token check uses on every call. */
@Configuration(proxyBeanMethods = false)
public class GrpcConfiguration {

    @Bean
    BillingGrpcEndpoint billingGrpcEndpoint(ViewBilling view, ManageFeeSchedule feeSchedule, RecordPayment payments,
                                            VoidInvoice voiding) {
        return new BillingGrpcEndpoint(view, feeSchedule, payments, voiding);
    }

    /** Keycloak tokens: signature by the realm's JWKS, issuer, expiry and our audience. */
    @Bean
    JwtDecoder billingTokenDecoder(BillingProperties properties, DatabaseTime time) {
        BillingProperties.Security security = properties.security();
        return RealmTokens.decoder(security.issuer(), security.jwkSetUri(), security.audience(), time.clock());
    }
}
