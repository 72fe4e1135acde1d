package org.medicore.lab.adapter.in.grpc;

import com.google.protobuf.Message;
import org.medicore.contracts.lab.v1.CorrectedValue;
import org.medicore.contracts.lab.v1.DecideReviewRequest;
import org.medicore.contracts.lab.v1.RequestUploadUrlRequest;
import org.medicore.lab.domain.LoincCode;
import org.medicore.lab.domain.ReviewDecision;
import org.medicore.lab.domain.UploadLimits;
import org.medicore.support.grpc.RequestFields;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Proto to domain for one LabService request: what lab_service.proto's rules refuse (ids as UUIDs,
 * the file name's length, page sizes), the shared fields as every service reads them, plus an
 * upload's file and a clinician's review decision, each malformed field collected as a violation.
 */
final class RequestReader extends RequestFields {

    static final int MAX_CORRECTED_VALUES = 200;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");

    RequestReader(Message request) {
        super(request);
    }

    /** Checks that the upload announced is a PDF of 1 byte to the configured maximum, under a file name that is not blank. */
    void checkUpload(RequestUploadUrlRequest request, UploadLimits limits) {
        required(request.getFileName(), "file_name");
        if (!UploadLimits.PDF.equals(request.getContentType())) {
            refuse("content_type", "must be " + UploadLimits.PDF);
        }
        if (request.getSizeBytes() <= 0 || request.getSizeBytes() > limits.maxBytes()) {
            refuse("size_bytes", "must be 1 to " + limits.maxBytes() + " bytes");
        }
    }

    /** The one decision the request names; null when it names none or a malformed one. */
    ReviewDecision decision(DecideReviewRequest request) {
        return switch (request.getDecisionCase()) {
            case ACCEPT -> new ReviewDecision.Accept();
            case CORRECT -> corrected(request.getCorrect().getValuesList());
            case REASSIGN -> new ReviewDecision.Reassign(request.getReassign().getPatientId());
            case REJECT -> {
                text("reject.reason", request.getReject().getReason(), 1, 500);
                yield new ReviewDecision.Reject(request.getReject().getReason());
            }
            case DECISION_NOT_SET -> {
                refuse("decision", "must be one of accept, correct, reassign, reject");
                yield null;
            }
        };
    }

    private ReviewDecision.Correct corrected(List<CorrectedValue> values) {
        if (values.isEmpty() || values.size() > MAX_CORRECTED_VALUES) {
            refuse("correct.values", "must hold 1 to " + MAX_CORRECTED_VALUES + " values");
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            CorrectedValue value = values.get(i);
            String at = "correct.values[" + i + "].";
            text(at + "test_name", value.getTestName(), 1, 200);
            text(at + "value", value.getValue(), 1, 100);
            text(at + "unit", value.getUnit(), 0, 50);
            text(at + "reference_range", value.getReferenceRange(), 0, 100);
            if (!value.getCode().isBlank() && !LOINC.matcher(value.getCode().strip()).matches()) {
                refuse(at + "code", "must be a LOINC code such as 718-7");
            }
        }
        return new ReviewDecision.Correct(values.stream()
                .map(value -> new ReviewDecision.StatedValue(value.getTestName(),
                        value.getCode().isBlank() ? Optional.empty() : Optional.of(new LoincCode(value.getCode().strip())),
                        value.getValue(), value.getUnit(), value.getReferenceRange()))
                .toList());
    }

    /** Text a clinician types: within its length once trimmed, and no control characters. */
    private void text(String field, String value, int min, int max) {
        String trimmed = value.strip();
        if (trimmed.length() < min || trimmed.length() > max) {
            refuse(field, min == 0 ? "must be at most " + max + " characters" : "must be " + min + " to " + max + " characters");
        } else if (CONTROL.matcher(trimmed).find()) {
            refuse(field, "must not contain control characters");
        }
    }
}
