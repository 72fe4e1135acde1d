package org.medicore.support.validation;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.contracts.appointment.v1.BookAppointmentRequest;
import org.medicore.contracts.patient.v1.GetPatientRequest;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.Uuids;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hand-written checks refused before the rules moved into the contract is refused now, on the same field. */
class ProtoRulesProperties {

    @Property
    void a_patient_id_is_refused_on_patient_id_exactly_when_it_is_no_uuid(@ForAll("patientIds") String patientId) {
        boolean refusedByHand = Uuids.parse(patientId).isEmpty();

        assertThat(ProtoRules.violations(GetPatientRequest.newBuilder().setPatientId(patientId).build()))
                .extracting(FieldViolation::field)
                .isEqualTo(refusedByHand ? List.of("patient_id") : List.of());
    }

    @Property
    void a_reason_is_refused_on_reason_exactly_when_it_is_longer_than_the_booking_allows(@ForAll("reasons") String reason) {
        boolean refusedByHand = reason.length() > 500;

        assertThat(ProtoRules.violations(BookAppointmentRequest.newBuilder().setReason(reason).build()))
                .extracting(FieldViolation::field).isEqualTo(refusedByHand ? List.of("reason") : List.of());
    }

    /** Text without surrogate pairs: the hand check counted UTF-16 units, the rule (and now the domain) code points. */
    @Provide
    Arbitrary<String> reasons() {
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(480).ofMaxLength(520);
    }

    @Provide
    Arbitrary<String> patientIds() {
        Arbitrary<String> ids = Arbitraries.create(UUID::randomUUID).map(UUID::toString);
        return Arbitraries.oneOf(ids, ids.map(String::toUpperCase), ids.map(id -> id.replace("-", "")),
                ids.map(id -> id.substring(1)), ids.map(id -> "{" + id + "}"), Arbitraries.strings().ofMaxLength(40));
    }
}
