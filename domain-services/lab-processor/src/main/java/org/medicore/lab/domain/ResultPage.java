package org.medicore.lab.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One page of a patient's lab results, newest observed first. The page token names the last
 * result of the page (its time and id) rather than an offset, so results attached while a
 * reader pages on don't shift the pages or repeat a result.
 */
public record ResultPage(List<AttachedResult> results, String nextPageToken, int totalSize) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    private static final Comparator<AttachedResult> NEWEST_FIRST = Comparator
            .comparing(AttachedResult::observedAt, Comparator.reverseOrder())
            .thenComparing(AttachedResult::id);

    public ResultPage {
        results = List.copyOf(results);
    }

    /** The page of {@code results} after {@code pageToken}; empty when the token is not one this gave out. */
    public static Optional<ResultPage> of(List<AttachedResult> results, int pageSize, String pageToken) {
        int size = pageSize == 0 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
        List<AttachedResult> ordered = results.stream().sorted(NEWEST_FIRST).toList();
        int start = 0;
        if (!pageToken.isEmpty()) {
            Optional<AttachedResult> last = decode(pageToken);
            if (last.isEmpty()) {
                return Optional.empty();
            }
            while (start < ordered.size() && NEWEST_FIRST.compare(ordered.get(start), last.get()) <= 0) {
                start++;
            }
        }
        int end = Math.min(start + size, ordered.size());
        List<AttachedResult> page = ordered.subList(start, end);
        String next = end < ordered.size() ? encode(page.getLast()) : "";
        return Optional.of(new ResultPage(page, next, ordered.size()));
    }

    private static String encode(AttachedResult last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.observedAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    /** A stand-in result carrying only what ordering needs. */
    private static Optional<AttachedResult> decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new AttachedResult(parts[1], "", "", null, Instant.parse(parts[0]), Instant.EPOCH));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
