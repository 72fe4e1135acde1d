package org.medicore.lab.adapter.in.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.contracts.lab.v1.GetReportStatusRequest;
import org.medicore.contracts.lab.v1.LabServiceGrpc;
import org.medicore.lab.application.port.in.GetReportStatus;
import org.medicore.lab.application.service.LabRefusals;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.support.grpc.InProcessEndpoint;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.paging.Paging;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medicore.support.grpc.RefusalDetails.detail;

/**
 * Each kind of refusal lab's use cases give, as the caller hears it: one status each, by the shared
 * translation, with the code, message and detail lab_service.proto promises. The use case is a fake
 * that refuses as the test says; every rpc answers through the same translation.
 */
class RefusalStatusTest {

    private static final String REPORT_ID = UUID.randomUUID().toString();

    private final AtomicReference<Refusal> refusal = new AtomicReference<>();
    private InProcessEndpoint lab;

    @BeforeEach
    void serve() throws IOException {
        GetReportStatus refusing = (caller, reportId) -> Outcome.refused(refusal.get());
        lab = InProcessEndpoint.serving(new LabGrpcEndpoint(null, null, refusing, null, null, null, null, null, null, null,
                new UploadLimits(10 * 1024 * 1024)));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void a_page_token_of_another_listing_is_an_invalid_argument_naming_the_field() {
        StatusRuntimeException refused = refusedWith(LabRefusals.FOREIGN_PAGE_TOKEN);

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(detail(refused, BadRequest.class).getFieldViolationsList())
                .extracting(BadRequest.FieldViolation::getField).containsExactly(Paging.TOKEN_FIELD);
    }

    @Test
    void a_report_nobody_stored_is_not_found_with_its_resource_type() {
        StatusRuntimeException refused = refusedWith(LabRefusals.noReport(REPORT_ID));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(refused.getStatus().getDescription()).isEqualTo("no lab report " + REPORT_ID);
        assertThat(detail(refused, ResourceInfo.class).getResourceType()).isEqualTo("medicore.lab.v1.LabReport");
    }

    @Test
    void a_caller_acting_for_another_patient_is_denied() {
        StatusRuntimeException refused = refusedWith(LabRefusals.NOT_FOR_THIS_CALLER);

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refused.getStatus().getDescription()).isEqualTo("the caller may not act for this patient");
    }

    @Test
    void a_report_whose_state_forbids_it_is_a_failed_precondition_naming_the_rule() {
        StatusRuntimeException refused = refusedWith(new Refusal.Forbidden("OBJECT_MISSING", "",
                "no PDF is stored for the report"));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(refused.getStatus().getDescription()).isEqualTo("no PDF is stored for the report");
        assertThat(detail(refused, PreconditionFailure.class).getViolations(0).getType()).isEqualTo("OBJECT_MISSING");
    }

    @Test
    void a_decision_on_a_report_changed_since_it_was_read_is_aborted_with_the_rule_version_mismatch() {
        StatusRuntimeException refused = refusedWith(LabRefusals.reportChanged(3));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(refused.getStatus().getDescription()).isEqualTo("the report changed since version 3; read it again");
        assertThat(detail(refused, PreconditionFailure.class).getViolations(0).getType()).isEqualTo("VERSION_MISMATCH");
    }

    private StatusRuntimeException refusedWith(Refusal given) {
        refusal.set(given);
        return catchThrowableOfType(StatusRuntimeException.class, () -> LabServiceGrpc.newBlockingStub(lab.as("DOCTOR"))
                .getReportStatus(GetReportStatusRequest.newBuilder().setReportId(REPORT_ID).build()));
    }
}
