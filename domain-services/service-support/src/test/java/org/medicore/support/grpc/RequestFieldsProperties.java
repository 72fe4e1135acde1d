package org.medicore.support.grpc;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.patient.v1.ListHistoryRequest;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.paging.Paging;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A reader names what the request's contract refuses and what its own reading refuses, each field once. */
class RequestFieldsProperties {

    private static final String PATIENT = "0b9f3c2e-5d0a-4f6e-9a51-2c7d8e1f4a60";

    @Test
    void the_contracts_rules_and_the_readings_refusals_come_together_each_field_once() {
        ListHistoryRequest request = ListHistoryRequest.newBuilder().setPatientId("p-1")
                .setPage(PageRequest.newBuilder().setPageSize(-1).setPageToken("%%")).build();
        RequestFields read = readerOf(request);

        read.uuid(request.getPatientId(), "patient_id");
        read.pageSize(request.getPage().getPageSize());
        read.pageOffset(request.getPage().getPageToken());

        assertThat(read.violations()).containsExactly(
                new FieldViolation("patient_id", "must be a UUID"),
                new FieldViolation(Paging.SIZE_FIELD, Paging.NEGATIVE_SIZE),
                new FieldViolation(Paging.TOKEN_FIELD, Paging.FOREIGN_TOKEN));
    }

    @Test
    void a_missing_id_is_required_and_a_hostile_one_is_no_uuid_never_repeated() {
        assertThat(readerOf(ListHistoryRequest.getDefaultInstance()).violations())
                .containsExactly(new FieldViolation("patient_id", "is required"));
        String hostile = "<script>".repeat(1_000);
        RequestFields read = readerOf(ListHistoryRequest.newBuilder().setPatientId(hostile).build());

        assertThat(read.ruledUuid(hostile)).isNull();
        assertThat(read.violations()).containsExactly(new FieldViolation("patient_id", "must be a UUID"));
        assertThat(GrpcErrors.invalid(read.violations()).getStatus().getDescription()).doesNotContain("<script>");
    }

    @Property
    void a_page_size_is_refused_on_its_path_exactly_when_paging_refuses_it_and_read_as_paging_reads_it(
            @ForAll @IntRange(min = -1_000, max = 1_000) int pageSize) {
        RequestFields read = readerOf(ListHistoryRequest.newBuilder().setPatientId(UUID.randomUUID().toString())
                .setPage(PageRequest.newBuilder().setPageSize(pageSize)).build());

        assertThat(read.pageSize(pageSize)).isEqualTo(Paging.size(pageSize));
        assertThat(read.violations()).extracting(FieldViolation::field)
                .isEqualTo(Paging.isAllowedSize(pageSize) ? List.of() : List.of(Paging.SIZE_FIELD));
    }

    private static RequestFields readerOf(com.google.protobuf.Message request) {
        return new RequestFields(request) {
        };
    }
}
