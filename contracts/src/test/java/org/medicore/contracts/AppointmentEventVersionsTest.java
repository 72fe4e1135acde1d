package org.medicore.contracts;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medicore.contracts.events.v1.AppointmentEventsProto;
import org.medicore.contracts.events.v2.AppointmentEventVersions;
import org.medicore.contracts.events.v2.AppointmentFacts;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AppointmentEventVersionsTest {

    static Stream<Named<Message>> v1AppointmentEvents() {
        return AppointmentEventsProto.getDescriptor().getMessageTypes().stream()
                .map(type -> EventContractTest.SampleMessages.filled(AppointmentEventVersions.builderFor(type.getFullName())
                        .orElseThrow()))
                .map(event -> Named.of(event.getDescriptorForType().getName(), event));
    }

    /** Compared by name through the descriptors here, so the test does not repeat the accessors it checks. */
    @ParameterizedTest
    @MethodSource("v1AppointmentEvents")
    void a_v1_event_reads_as_the_v2_event_of_the_same_name_with_every_fact_and_field_kept(Message v1) {
        Message v2 = AppointmentEventVersions.asV2(v1);
        AppointmentFacts facts = AppointmentEventVersions.facts(v2);

        assertThat(v2.getDescriptorForType().getName()).isEqualTo(v1.getDescriptorForType().getName());
        for (FieldDescriptor fact : AppointmentFacts.getDescriptor().getFields()) {
            assertThat(facts.getField(fact)).as(fact.getName()).isEqualTo(v1.getField(v1Field(v1, fact.getName())));
        }
        for (FieldDescriptor own : v2.getDescriptorForType().getFields()) {
            if (own.getNumber() != 3) {
                assertThat(v2.getField(own)).as(own.getName()).isEqualTo(v1.getField(v1Field(v1, own.getName())));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("v1AppointmentEvents")
    void a_v2_event_reads_as_itself(Message v1) {
        Message v2 = AppointmentEventVersions.asV2(v1);

        assertThat(AppointmentEventVersions.asV2(v2)).isSameAs(v2);
        assertThat(AppointmentEventVersions.builderFor(v2.getDescriptorForType().getFullName()).orElseThrow()
                .getDescriptorForType()).isEqualTo(v2.getDescriptorForType());
    }

    /** A rescheduled v1 event names its instants after the move new_*, before it old_*. */
    private static FieldDescriptor v1Field(Message v1, String v2Name) {
        var type = v1.getDescriptorForType();
        FieldDescriptor same = type.findFieldByName(v2Name);
        if (same != null) {
            return same;
        }
        return type.findFieldByName(v2Name.startsWith("previous_") ? v2Name.replace("previous_", "old_") : "new_" + v2Name);
    }
}
