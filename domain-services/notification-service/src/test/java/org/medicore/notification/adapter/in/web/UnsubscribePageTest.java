package org.medicore.notification.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.medicore.notification.application.port.in.UnsubscribeByLink;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Language;
import org.medicore.support.port.Outcome;
import org.medicore.support.port.Refusal;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the page answers each outcome of following a link: a good link asks or confirms (200) in the
 * patient's language, an expired one is gone (410) in the patient's language, a refused token is a bad
 * request (400) in the browser's. The use case is a fake that answers as the test says.
 */
class UnsubscribePageTest {

    private static final UnsubscribePage.Clinic CLINIC = new UnsubscribePage.Clinic("MediCore Clinic",
            "http://localhost:4173", "http://127.0.0.1:9295/unsubscribe");

    @Test
    void a_good_link_is_answered_in_the_patients_language() {
        ResponseEntity<String> page = pageAnswering(Outcome.done(new UnsubscribeByLink.Link.Good(Channel.SMS, Language.GERMAN)))
                .unsubscribe("t", "en");

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getHeaders().getFirst("Content-Language")).isEqualTo("de");
    }

    @Test
    void an_expired_link_is_gone_in_the_patients_language() {
        ResponseEntity<String> page = pageAnswering(Outcome.done(new UnsubscribeByLink.Link.Expired(Language.GERMAN)))
                .ask("t", "en");

        assertThat(page.getStatusCode().value()).isEqualTo(410);
        assertThat(page.getBody()).contains("Dieser Link ist abgelaufen");
    }

    @Test
    void a_refused_token_is_a_bad_request_in_the_browsers_language() {
        ResponseEntity<String> page = pageAnswering(Outcome.refused(Refusal.Invalid.of("token", "is not a link of ours")))
                .unsubscribe("t", "de-DE,en;q=0.5");

        assertThat(page.getStatusCode().value()).isEqualTo(400);
        assertThat(page.getHeaders().getFirst("Content-Language")).isEqualTo("de");
    }

    private static UnsubscribePage pageAnswering(Outcome<UnsubscribeByLink.Link> outcome) {
        return new UnsubscribePage(new UnsubscribeByLink() {
            @Override
            public Outcome<Link> look(String token) {
                return outcome;
            }

            @Override
            public Outcome<Link> unsubscribe(String token) {
                return outcome;
            }
        }, CLINIC);
    }
}
