package org.medicore.support.grpc;

import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;
import org.medicore.support.port.FieldViolation;
import org.medicore.support.port.Refusal;
import org.medicore.support.port.Unreachable;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.grpc.RefusalDetails.detail;

class GrpcErrorsTest {

    @Test
    void every_invalid_field_is_a_violation_and_the_message_names_the_fields() {
        StatusRuntimeException refused = GrpcErrors.invalid(List.of(new FieldViolation("name.family", "is required"),
                new FieldViolation("contact.phone", "must be a phone number")));

        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(refused.getStatus().getDescription()).isEqualTo("invalid fields: name.family, contact.phone");
        assertThat(RefusalDetails.violatedFields(refused)).containsExactly("name.family", "contact.phone");
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
    void ten_thousand_bad_elements_make_a_status_of_twenty_violations_that_says_how_many_more() {
        List<FieldViolation> violations = java.util.stream.IntStream.range(0, 10_000)
                .mapToObj(i -> new FieldViolation("statuses[" + i + "]", "unknown status")).toList();

        StatusRuntimeException refused = GrpcErrors.invalid(violations);

        assertThat(detail(refused, BadRequest.class).getFieldViolationsCount()).isEqualTo(20);
        assertThat(refused.getStatus().getDescription()).endsWith("and 9980 more").hasSizeLessThan(400);
    }

    @Test
    void each_kind_of_refusal_is_one_status() {
        assertThat(GrpcErrors.refused(Refusal.Invalid.of("reason", "is required"), "d").getStatus().getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.refused(new Refusal.NotFound("invoice", "42"), "d").getStatus().getDescription())
                .isEqualTo("no invoice 42");
        assertThat(GrpcErrors.refused(new Refusal.Denied("not this patient's"), "d").getStatus().getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        StatusRuntimeException stale = GrpcErrors.refused(new Refusal.Stale(3), "billing.medicore.org");
        assertThat(detail(stale, ErrorInfo.class).getDomain()).isEqualTo("billing.medicore.org");
        assertThat(detail(stale, ErrorInfo.class).getMetadataMap()).containsEntry("current_version", "3");
        StatusRuntimeException forbidden = GrpcErrors.refused(new Refusal.Forbidden("INVOICE_PAID", "invoice", "the invoice is paid"), "d");
        assertThat(forbidden.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(detail(forbidden, PreconditionFailure.class).getViolations(0).getType()).isEqualTo("INVOICE_PAID");
        assertThat(GrpcErrors.refused(new Refusal.AlreadyExists("patient", "p-1", "registered already"), "d")
                .getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void a_resource_named_as_in_the_contracts_is_not_found_in_words_and_typed_as_named() {
        StatusRuntimeException missing = GrpcErrors.refused(new Refusal.NotFound("medicore.patient.v1.HistoryEntry", "e-1"), "d");

        assertThat(missing.getStatus().getDescription()).isEqualTo("no history entry e-1");
        assertThat(detail(missing, ResourceInfo.class).getResourceType()).isEqualTo("medicore.patient.v1.HistoryEntry");
        assertThat(GrpcErrors.refused(new Refusal.NotFound("billing account", "p-1"), "d").getStatus().getDescription())
                .isEqualTo("no billing account p-1");
    }

    @Test
    void a_conflict_is_aborted_with_the_rule_the_contract_names_so_the_caller_reads_again() {
        StatusRuntimeException conflict = GrpcErrors.refused(new Refusal.Conflict("VERSION_MISMATCH", "",
                "the report changed since version 3; read it again"), "d");

        assertThat(conflict.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(conflict.getStatus().getDescription()).isEqualTo("the report changed since version 3; read it again");
        assertThat(detail(conflict, PreconditionFailure.class).getViolations(0).getType()).isEqualTo("VERSION_MISMATCH");
    }

    @Test
    void a_stale_version_names_the_current_one() {
        StatusRuntimeException stale = GrpcErrors.staleVersion("billing.medicore.org", 7, "re-read and retry");

        assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
        assertThat(detail(stale, ErrorInfo.class).getMetadataMap()).containsEntry("current_version", "7");
        assertThat(detail(stale, ErrorInfo.class).getReason()).isEqualTo("STALE_VERSION");
    }

    @Test
    void a_store_that_cannot_be_reached_is_a_retryable_unavailable_and_anything_else_internal() {
        List<Throwable> outages = List.of(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 2000ms"),
                new IllegalStateException("the query failed", new SQLException("An I/O error occurred while sending to the backend", "08006")),
                new RuntimeException(new SQLException("terminating connection due to administrator command", "57P01")),
                new RuntimeException("Unable to execute HTTP request", new ConnectException("Connection refused")),
                new Unreachable("Keycloak cannot delete an account now: HTTP 503"),
                new IllegalStateException("no answer", new HttpTimeoutException("request timed out")));

        for (Throwable outage : outages) {
            StatusRuntimeException answer = GrpcErrors.ofFailure(outage);
            assertThat(answer.getStatus().getCode()).as(outage.toString()).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(detail(answer, RetryInfo.class).getRetryDelay().getSeconds()).isEqualTo(1);
        }
        assertThat(GrpcErrors.ofFailure(new SQLException("duplicate key value violates unique constraint", "23505"))
                .getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
        assertThat(GrpcErrors.ofFailure(new NullPointerException()).getStatus().getDescription()).isEqualTo("internal error");
    }

    @Test
    void a_cause_chain_that_loops_is_read_once() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.initCause(second);

        assertThat(Outages.isOutage(first)).isFalse();
    }
}
