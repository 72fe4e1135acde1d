package org.medicore.infra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The relaxed-binding rule the compose and Kubernetes checks rely on. */
class SpringConfigTest {

    @Test
    void environmentVariablesMapOntoPropertiesAsSpringBindsThem() {
        assertThat(SpringConfig.relaxedMatch("SPRING_KAFKA_BOOTSTRAPSERVERS", "spring.kafka.bootstrap-servers")).isTrue();
        assertThat(SpringConfig.relaxedMatch("SPRING_KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers")).isTrue();
        assertThat(SpringConfig.relaxedMatch("SPRING_DATASOURCE_URL", "spring.datasource.url")).isTrue();
        assertThat(SpringConfig.relaxedMatch("SPRING_DATASOURCE_URLS", "spring.datasource.url")).isFalse();
        assertThat(SpringConfig.relaxedMatch("spring_datasource_url", "spring.datasource.url")).isFalse();
        assertThat(SpringConfig.relaxedMatch("SPRING_KAFKA_BOOTSTRAP", "spring.kafka.bootstrap-servers")).isFalse();
    }

    @Test
    void readsTheRealBffConfiguration() {
        SpringConfig bff = SpringConfig.of("bff-graphql");
        assertThat(bff.placeholders()).contains("MEDICORE_ISSUER_URI");
        assertThat(bff.reads("MEDICORE_ISSUER_URI")).isTrue();
        assertThat(bff.reads("SERVER_ADDRESS")).isTrue();
        assertThat(bff.reads("SERVER_ADRESS")).isFalse();
        assertThat(bff.ports(java.util.Map.of())).contains(8080);
        assertThat(bff.ports(java.util.Map.of("SERVER_PORT", "9999"))).contains(9999).doesNotContain(8080);
    }

    @Test
    void anEnvironmentVariableMayAddAnEntryToAMapTheYamlFills() {
        SpringConfig notification = SpringConfig.of("domain-services/notification-service");
        assertThat(notification.reads("SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE")).isTrue();
        assertThat(notification.reads("SPRING_MAIL_PROPERTY_MAIL_SMTP_AUTH")).isFalse();
        assertThat(notification.reads("spring_mail_properties_mail_smtp_auth")).isFalse();
    }

    @Test
    void findsTheManagementPortAndTheAddressEachPortIsBoundTo() {
        SpringConfig patient = SpringConfig.of("domain-services/patient-service");
        assertThat(patient.managementPort(java.util.Map.of())).isEqualTo(9191);
        assertThat(patient.bindings(java.util.Map.of())).containsEntry(9191, "127.0.0.1").containsEntry(9091, null);
        assertThat(patient.bindings(java.util.Map.of("SERVER_ADDRESS", "0.0.0.0"))).containsEntry(9191, null);

        SpringConfig bff = SpringConfig.of("bff-graphql");
        assertThat(bff.managementPort(java.util.Map.of())).isEqualTo(8180);
        assertThat(bff.managementPort(java.util.Map.of("MANAGEMENT_SERVER_PORT", "8081"))).isEqualTo(8081);
        assertThat(bff.bindings(java.util.Map.of("MANAGEMENT_SERVER_PORT", "8081", "SERVER_ADDRESS", "0.0.0.0")))
                .containsEntry(8080, null).containsEntry(8081, "127.0.0.1");
    }
}
