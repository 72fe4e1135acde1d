package org.medicore.lab.adapter.in.grpc;

import io.grpc.Status;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.contracts.lab.v1.AcceptAsRead;
import org.medicore.contracts.lab.v1.CorrectValues;
import org.medicore.contracts.lab.v1.CorrectedValue;
import org.medicore.contracts.lab.v1.DecideReviewRequest;
import org.medicore.contracts.lab.v1.DecideReviewResponse;
import org.medicore.contracts.lab.v1.ListResultsByPatientRequest;
import org.medicore.contracts.lab.v1.ListResultsByPatientResponse;
import org.medicore.contracts.lab.v1.ReassignPatient;
import org.medicore.contracts.lab.v1.RejectReport;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlResponse;
import org.medicore.lab.application.port.in.DecideReview;
import org.medicore.lab.application.port.in.ListResultsByPatient;
import org.medicore.lab.application.port.in.RequestUploadUrl;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.support.grpc.Breakage;
import org.medicore.support.grpc.RefusedAnswer;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.support.grpc.Breakage.fields;
import static org.medicore.support.grpc.Breakage.notUuids;
import static org.medicore.support.grpc.RefusalDetails.violatedFields;

/**
 * Whichever of a lab request's fields are malformed, whether lab_service.proto's rules or the
 * reader refuse them, the one refusal names exactly those, and no use case is called: no report
 * is created, listed or decided.
 */
class MalformedRequestProperties {

    private static final UploadLimits LIMITS = new UploadLimits(10 * 1024 * 1024);

    private static final RequestUploadUrlRequest WELL_FORMED_UPLOAD = RequestUploadUrlRequest.newBuilder()
            .setPatientId(UUID.randomUUID().toString()).setFileName("blood-panel.pdf").setContentType(UploadLimits.PDF)
            .setSizeBytes(120_000).build();

    private static final ListResultsByPatientRequest WELL_FORMED_LISTING = ListResultsByPatientRequest.newBuilder()
            .setPatientId(UUID.randomUUID().toString()).setReportId(UUID.randomUUID().toString())
            .setPage(PageRequest.newBuilder().setPageSize(20)).build();

    private static final DecideReviewRequest WELL_FORMED_DECISION = DecideReviewRequest.newBuilder()
            .setReportId(UUID.randomUUID().toString()).setExpectedVersion(3).setAccept(AcceptAsRead.getDefaultInstance()).build();

    @Property(tries = 300)
    void exactly_the_malformed_fields_of_an_upload_are_named_and_no_report_is_created(
            @ForAll("uploadBreakages") List<Breakage<RequestUploadUrlRequest.Builder>> broken) {
        RequestUploadUrlRequest.Builder request = Breakage.applied(WELL_FORMED_UPLOAD.toBuilder(), broken);
        AtomicInteger uploads = new AtomicInteger();
        RequestUploadUrl requestUploadUrl = command -> {
            uploads.incrementAndGet();
            throw new AssertionError("asked for " + command);
        };
        RefusedAnswer<RequestUploadUrlResponse> answer = new RefusedAnswer<>();

        endpoint(requestUploadUrl, null, null).requestUploadUrl(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(uploads).hasValue(0);
    }

    @Property(tries = 200)
    void exactly_the_malformed_fields_of_a_listing_are_named_the_page_among_them(
            @ForAll("listingBreakages") List<Breakage<ListResultsByPatientRequest.Builder>> broken) {
        ListResultsByPatientRequest.Builder request = Breakage.applied(WELL_FORMED_LISTING.toBuilder(), broken);
        AtomicInteger listings = new AtomicInteger();
        ListResultsByPatient listResults = (caller, patientId, reportId, pageSize, pageToken) -> {
            listings.incrementAndGet();
            throw new AssertionError("listed " + patientId);
        };
        RefusedAnswer<ListResultsByPatientResponse> answer = new RefusedAnswer<>();

        endpoint(null, listResults, null).listResultsByPatient(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(listings).hasValue(0);
    }

    @Property(tries = 300)
    void exactly_the_malformed_fields_of_a_review_decision_are_named_and_nothing_is_decided(
            @ForAll("decisionBreakages") List<Breakage<DecideReviewRequest.Builder>> broken) {
        DecideReviewRequest.Builder request = Breakage.applied(WELL_FORMED_DECISION.toBuilder(), broken);
        AtomicInteger decisions = new AtomicInteger();
        DecideReview decideReview = (caller, reportId, expectedVersion, decision) -> {
            decisions.incrementAndGet();
            throw new AssertionError("decided " + decision);
        };
        RefusedAnswer<DecideReviewResponse> answer = new RefusedAnswer<>();

        endpoint(null, null, decideReview).decideReview(request.build(), answer);

        assertThat(answer.refusal().getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(answer.refusal())).containsExactlyInAnyOrderElementsOf(fields(broken));
        assertThat(decisions).hasValue(0);
    }

    /** Each field broken or not, by the contract's rules or the reader's; at least one broken. */
    @Provide
    Arbitrary<List<Breakage<RequestUploadUrlRequest.Builder>>> uploadBreakages() {
        Arbitrary<Breakage<RequestUploadUrlRequest.Builder>> patient = notUuids()
                .map(value -> new Breakage<>("patient_id", "'" + value + "'", request -> request.setPatientId(value)));
        Arbitrary<Breakage<RequestUploadUrlRequest.Builder>> fileName = Arbitraries.oneOf(
                Arbitraries.strings().whitespace().ofMaxLength(3),
                Arbitraries.strings().alpha().ofMinLength(256).ofMaxLength(300))
                .map(value -> new Breakage<>("file_name", value.length() + " characters", request -> request.setFileName(value)));
        Arbitrary<Breakage<RequestUploadUrlRequest.Builder>> contentType = Arbitraries.of("", "application/PDF", "image/png", "text/plain")
                .map(value -> new Breakage<>("content_type", "'" + value + "'", request -> request.setContentType(value)));
        Arbitrary<Breakage<RequestUploadUrlRequest.Builder>> size = Arbitraries.oneOf(Arbitraries.longs().lessOrEqual(0),
                        Arbitraries.longs().greaterOrEqual(LIMITS.maxBytes() + 1))
                .map(value -> new Breakage<>("size_bytes", "= " + value, request -> request.setSizeBytes(value)));
        return Breakage.anyMix(patient, fileName, contentType, size);
    }

    @Provide
    Arbitrary<List<Breakage<ListResultsByPatientRequest.Builder>>> listingBreakages() {
        Arbitrary<Breakage<ListResultsByPatientRequest.Builder>> patient = notUuids()
                .map(value -> new Breakage<>("patient_id", "'" + value + "'", request -> request.setPatientId(value)));
        Arbitrary<Breakage<ListResultsByPatientRequest.Builder>> report = notUuids().filter(value -> !value.isEmpty())
                .map(value -> new Breakage<>("report_id", "'" + value + "'", request -> request.setReportId(value)));
        Arbitrary<Breakage<ListResultsByPatientRequest.Builder>> size = Arbitraries.integers().lessOrEqual(-1)
                .map(value -> new Breakage<>("page.page_size", "= " + value,
                        request -> request.setPage(request.getPage().toBuilder().setPageSize(value))));
        return Breakage.anyMix(patient, report, size);
    }

    /** The report id broken or not, and the one decision broken in one of its ways or not. */
    @Provide
    Arbitrary<List<Breakage<DecideReviewRequest.Builder>>> decisionBreakages() {
        Arbitrary<Breakage<DecideReviewRequest.Builder>> report = notUuids()
                .map(value -> new Breakage<>("report_id", "'" + value + "'", request -> request.setReportId(value)));
        Arbitrary<Breakage<DecideReviewRequest.Builder>> decision = Arbitraries.oneOf(
                Arbitraries.just(new Breakage<>("decision", "none", DecideReviewRequest.Builder::clearDecision)),
                notUuids().map(value -> new Breakage<>("reassign.patient_id", "'" + value + "'",
                        request -> request.setReassign(ReassignPatient.newBuilder().setPatientId(value)))),
                Arbitraries.oneOf(Arbitraries.strings().whitespace().ofMaxLength(3),
                                Arbitraries.strings().alpha().ofMinLength(501).ofMaxLength(600),
                                Arbitraries.of("lost\u0007", "see\u0000attached"))
                        .map(value -> new Breakage<>("reject.reason", value.length() + " characters",
                                request -> request.setReject(RejectReport.newBuilder().setReason(value)))),
                Arbitraries.just(new Breakage<>("correct.values", "empty",
                        request -> request.setCorrect(CorrectValues.getDefaultInstance()))),
                Arbitraries.of("718", "LOINC-7", "12345678-9").map(code -> new Breakage<>("correct.values[0].code",
                        "'" + code + "'", request -> request.setCorrect(CorrectValues.newBuilder().addValues(CorrectedValue
                                .newBuilder().setTestName("Hemoglobin").setCode(code).setValue("11.9").setUnit("g/dL"))))));
        return Breakage.anyMix(report, decision);
    }

    private static LabGrpcEndpoint endpoint(RequestUploadUrl requestUploadUrl, ListResultsByPatient listResults,
                                            DecideReview decideReview) {
        return new LabGrpcEndpoint(requestUploadUrl, null, null, null, listResults, null, null, decideReview, null, null, LIMITS);
    }
}
