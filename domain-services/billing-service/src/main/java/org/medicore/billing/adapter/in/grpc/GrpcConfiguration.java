package org.medicore.billing.adapter.in.grpc;

import org.medicore.billing.application.port.in.ManageFeeSchedule;
import org.medicore.billing.application.port.in.RecordPayment;
import org.medicore.billing.application.port.in.ViewBilling;
import org.medicore.billing.application.port.in.VoidInvoice;
import org.medicore.billing.config.BillingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.server.GlobalServerInterceptor;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.medicore.support.security.BearerTokenCheck;
import org.medicore.support.security.RealmTokens;
import org.springframework.core.annotation.Order;

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
    @Order(BearerTokenCheck.ORDER)
    BearerTokenCheck bearerTokenCheck(JwtDecoder billingTokenDecoder) {
        return new BearerTokenCheck(billingTokenDecoder);
    }

    /** Keycloak tokens: signature by the realm's JWKS, issuer, expiry and our audience. */
    @Bean
    JwtDecoder billingTokenDecoder(BillingProperties properties) {
        BillingProperties.Security security = properties.security();
        return RealmTokens.decoder(security.issuer(), security.jwkSetUri(), security.audience());
    }
}
