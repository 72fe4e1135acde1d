package org.medicore.support.port;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeTest {

    @Test
    void a_result_is_changed_and_a_refusal_kept_as_it_is() {
        Refusal notFound = new Refusal.NotFound("invoice", "42");

        assertThat(Outcome.done(2).map(n -> n * 21)).isEqualTo(Outcome.done(42));
        assertThat(Outcome.<Integer>refused(notFound).map(n -> n * 21)).isEqualTo(Outcome.refused(notFound));
    }

    @Test
    void an_invalid_request_names_at_least_one_field() {
        assertThatThrownBy(() -> new Refusal.Invalid(java.util.List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(Refusal.Invalid.of("reason", "is required").violations())
                .containsExactly(new FieldViolation("reason", "is required"));
    }
}
