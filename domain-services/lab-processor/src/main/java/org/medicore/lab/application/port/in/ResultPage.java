package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.AttachedResult;
import org.medicore.support.port.paging.PageTokens;
import org.medicore.support.port.paging.Paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One page of a patient's lab results, newest observed first. The page token names the last
 * result of the page (its time and id) rather than an offset, so results attached while a
 * reader pages on don't shift the pages or repeat a result; the token and the size rule are the
 * shared ones of {@link PageTokens} and {@link Paging}.
 */
public record ResultPage(List<AttachedResult> results, String nextPageToken, int totalSize) {

    private static final Comparator<AttachedResult> NEWEST_FIRST = Comparator
            .comparing(AttachedResult::observedAt, Comparator.reverseOrder())
            .thenComparing(AttachedResult::id);

    public ResultPage {
        results = List.copyOf(results);
    }

    /** The page of {@code results} after {@code pageToken}; empty when the token is not one this gave out. */
    public static Optional<ResultPage> of(List<AttachedResult> results, int pageSize, String pageToken) {
        int size = Paging.size(pageSize);
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
        return PageTokens.of(last.observedAt().toString(), last.id());
    }

    /** A stand-in result carrying only what ordering needs. */
    private static Optional<AttachedResult> decode(String token) {
        return PageTokens.read(token, 2).filter(parts -> !parts.getLast().isEmpty()).flatMap(parts -> {
            try {
                return Optional.of(new AttachedResult(parts.getLast(), "", "", null, Instant.parse(parts.getFirst()),
                        Instant.EPOCH));
            } catch (DateTimeParseException notATime) {
                return Optional.empty();
            }
        });
    }
}
