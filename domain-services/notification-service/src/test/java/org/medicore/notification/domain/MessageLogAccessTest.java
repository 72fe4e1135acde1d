package org.medicore.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MessageLogAccessTest {

    private static final UUID PATIENT = UUID.randomUUID();

    @Test
    void doctors_and_admins_see_every_message_of_any_patient() {
        assertThat(MessageLogAccess.visibleKinds(caller("dr", Role.DOCTOR), PATIENT)).contains(Set.of(NotificationKind.values()));
        assertThat(MessageLogAccess.visibleKinds(caller("admin", Role.ADMIN), PATIENT)).contains(Set.of(NotificationKind.values()));
    }

    @Test
    void billing_staff_see_only_the_invoice_messages() {
        assertThat(MessageLogAccess.visibleKinds(caller("billing", Role.BILLING), PATIENT))
                .contains(Set.of(NotificationKind.INVOICE_ISSUED));
    }

    @Test
    void a_patient_sees_their_own_messages_and_nobody_elses() {
        assertThat(MessageLogAccess.visibleKinds(caller(PATIENT.toString(), Role.PATIENT), PATIENT))
                .contains(Set.of(NotificationKind.values()));
        assertThat(MessageLogAccess.visibleKinds(caller(UUID.randomUUID().toString(), Role.PATIENT), PATIENT)).isEmpty();
        assertThat(MessageLogAccess.visibleKinds(caller(PATIENT.toString()), PATIENT)).isEmpty();
    }

    private static Caller caller(String subject, Role... roles) {
        return new Caller(subject, Set.of(roles));
    }
}
