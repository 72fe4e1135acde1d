package org.medicore.lab.application.port.in;

import org.junit.jupiter.api.Test;
import org.medicore.lab.domain.AttachedResult;
import org.medicore.support.port.paging.Paging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ResultPageTest {

    private static final Instant MARCH = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void pages_run_newest_first_and_the_last_page_has_no_token() {
        List<AttachedResult> results = results(5);

        ResultPage first = ResultPage.of(results, 2, "").orElseThrow();
        ResultPage second = ResultPage.of(results, 2, first.nextPageToken()).orElseThrow();
        ResultPage third = ResultPage.of(results, 2, second.nextPageToken()).orElseThrow();

        assertThat(first.results()).extracting(AttachedResult::id).containsExactly("r4", "r3");
        assertThat(second.results()).extracting(AttachedResult::id).containsExactly("r2", "r1");
        assertThat(third.results()).extracting(AttachedResult::id).containsExactly("r0");
        assertThat(third.nextPageToken()).isEmpty();
        assertThat(first.totalSize()).isEqualTo(5);
    }

    @Test
    void a_result_attached_while_paging_neither_shifts_nor_repeats_the_next_page() {
        List<AttachedResult> results = new ArrayList<>(results(4));
        ResultPage first = ResultPage.of(results, 2, "").orElseThrow();

        results.add(result("newer", MARCH.plusSeconds(3600)));
        ResultPage second = ResultPage.of(results, 2, first.nextPageToken()).orElseThrow();

        assertThat(second.results()).extracting(AttachedResult::id).containsExactly("r1", "r0");
    }

    @Test
    void no_size_means_twenty_and_a_larger_size_is_capped_at_a_hundred() {
        List<AttachedResult> results = results(150);

        assertThat(ResultPage.of(results, 0, "").orElseThrow().results()).hasSize(Paging.DEFAULT_SIZE);
        assertThat(ResultPage.of(results, 1000, "").orElseThrow().results()).hasSize(Paging.MAX_SIZE);
    }

    @Test
    void a_token_it_did_not_give_out_is_refused() {
        assertThat(ResultPage.of(results(3), 2, "bm90IGEgdG9rZW4")).isEmpty();
        assertThat(ResultPage.of(results(3), 2, "%%%")).isEmpty();
    }

    private static List<AttachedResult> results(int count) {
        return IntStream.range(0, count).mapToObj(i -> result("r" + i, MARCH.plusSeconds(i))).toList();
    }

    private static AttachedResult result(String id, Instant observedAt) {
        return new AttachedResult(id, "patient", "report", null, observedAt, observedAt);
    }
}
