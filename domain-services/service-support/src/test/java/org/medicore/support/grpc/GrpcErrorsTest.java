package org.medicore.support.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GrpcErrorsTest {

    @Test
    void every_invalid_field_is_a_violation_and_the_message_names_the_fields() {
        StatusRuntimeException refused = GrpcErrors.invalid(List.of(new GrpcErrors.Violation("name.family", "is required"),
                new GrpcErrors.Violation("contact.phone", "must be a phone number")));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.getStatus().getDescription()).isEqualTo("invalid fields: name.family, contact.phone");
        assertThat(detail(refused, BadRequest.class).getFieldViolationsList()).extracting(BadRequest.FieldViolation::getField)
                .containsExactly("name.family", "contact.phone");
    }

    @Test
    void text_from_the_caller_is_cut_so_no_refusal_repeats_unbounded_input() {
        String hugeId = "9".repeat(5_000);

        StatusRuntimeException missing = GrpcErrors.notFound("medicore.lab.v1.LabReport", hugeId, "lab report");

        assertThat(missing.getStatus().getDescription()).hasSizeLessThan(200).contains("(5000 characters)");
        assertThat(detail(missing, ResourceInfo.class).getResourceName()).hasSizeLessThan(200);
        assertThat(GrpcErrors.invalid("x".repeat(10_000), "y".repeat(10_000)).getStatus().getDescription()).hasSizeLessThan(400);
    }

    @Test
    void a_stale_version_names_the_current_one() {
        StatusRuntimeException stale = GrpcErrors.staleVersion("billing.medicore.org", 7, "re-read and retry");

        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(detail(stale, ErrorInfo.class).getMetadataMap()).containsEntry("current_version", "7");
        assertThat(detail(stale, ErrorInfo.class).getReason()).isEqualTo("STALE_VERSION");
    }

    private static <T extends com.google.protobuf.Message> T detail(StatusRuntimeException refused, Class<T> type) {
        return StatusProto.fromThrowable(refused).getDetailsList().stream().filter(any -> any.is(type)).findFirst()
                .map(any -> {
                    try {
                        return any.unpack(type);
                    } catch (com.google.protobuf.InvalidProtocolBufferException unreadable) {
                        throw new AssertionError(unreadable);
                    }
                }).orElseThrow();
    }
}
