package org.medicore.patient.adapter.in.grpc;

import com.google.protobuf.FieldMask;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.contracts.patient.v1.Patient;
import org.medicore.contracts.patient.v1.UpdateDemographicsRequest;
import org.medicore.patient.DemographicsLeaves;
import org.medicore.patient.domain.DemographicsChange;
import org.medicore.patient.domain.PatientId;

import java.time.Instant;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.patient.PatientFixtures.aPatient;

/**
 * An update that names one field changes that field and nothing else, for every field the
 * request can carry at every depth: the mask read by the endpoint's reader, applied by the
 * patient aggregate, read back through the response mapping.
 */
class OneFieldAtATimeProperties {

    private static final Instant REGISTERED = Instant.parse("2026-05-01T09:00:00Z");

    @Property(tries = 400)
    void an_update_naming_one_field_changes_exactly_that_field(@ForAll("leaves") String path, @ForAll long seed) {
        var stored = new org.medicore.patient.domain.Patient(PatientId.random(), aPatient().demographics(),
                Optional.of("anna-subject"), "clinic-berlin", 1, REGISTERED, REGISTERED);
        Patient before = PatientProtos.PROTOS.patient(stored);
        Object value = DemographicsLeaves.validValue(path, new Random(seed));
        UpdateDemographicsRequest request = DemographicsLeaves.with(UpdateDemographicsRequest.newBuilder()
                        .setPatientId(stored.id().value()).setExpectedVersion(1)
                        .setUpdateMask(FieldMask.newBuilder().addPaths(path)), path, value).build();

        var change = stored.changeDemographics(1, new RequestReader(request).update(request).edits(), REGISTERED.plusSeconds(60));

        assertThat(change).isInstanceOf(DemographicsChange.Changed.class);
        Patient after = PatientProtos.PROTOS.patient(((DemographicsChange.Changed) change).patient());
        Patient expected = DemographicsLeaves.with(before.toBuilder(), path, value)
                .setVersion(2).setUpdatedAt(after.getUpdatedAt()).build();
        assertThat(after).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> leaves() {
        return Arbitraries.of(DemographicsLeaves.paths());
    }
}
