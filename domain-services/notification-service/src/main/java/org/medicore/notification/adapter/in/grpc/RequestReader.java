package org.medicore.notification.adapter.in.grpc;

import org.medicore.support.grpc.GrpcErrors;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Proto to domain for one request, collecting a violation per malformed field (path as in the
 * request) instead of failing on the first; the endpoint answers INVALID_ARGUMENT when any.
 * Paging as the other services page: size 20 by default, capped at 100, the token an opaque offset.
 */
final class RequestReader {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private final List<GrpcErrors.Violation> violations = new ArrayList<>();

    List<GrpcErrors.Violation> violations() {
        return List.copyOf(violations);
    }

    boolean isValid() {
        return violations.isEmpty();
    }

    UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            violations.add(new GrpcErrors.Violation(field, "must be a UUID"));
            return null;
        }
    }

    int pageSize(int requested) {
        if (requested < 0) {
            violations.add(new GrpcErrors.Violation("page.page_size", "must not be negative"));
        }
        return requested <= 0 ? DEFAULT_PAGE_SIZE : Math.min(requested, MAX_PAGE_SIZE);
    }

    int pageOffset(String token) {
        if (token.isEmpty()) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            if (offset >= 0) {
                return offset;
            }
        } catch (IllegalArgumentException e) {
            // reported below: a token this service did not hand out
        }
        violations.add(new GrpcErrors.Violation("page.page_token", "is not a token of this service"));
        return 0;
    }

    static String pageToken(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
    }
}
