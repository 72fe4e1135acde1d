package org.medicore.notification.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedAddressTest {

    @Test
    void an_email_address_keeps_its_first_letter_and_its_domain() {
        assertThat(MaskedAddress.of(Channel.EMAIL, "anna.schmidt@example.org").shown()).isEqualTo("a***@example.org");
    }

    @Test
    void a_phone_number_keeps_its_country_code_its_length_and_its_last_two_digits() {
        assertThat(MaskedAddress.of(Channel.SMS, "+4930123456").shown()).isEqualTo("+49******56");
    }

    @Test
    void something_that_is_not_an_address_shows_nothing_of_itself() {
        assertThat(MaskedAddress.of(Channel.EMAIL, "@example.org").shown()).isEqualTo("***");
        assertThat(MaskedAddress.of(Channel.EMAIL, "anna@").shown()).isEqualTo("***");
        assertThat(MaskedAddress.of(Channel.SMS, "+4912").shown()).isEqualTo("***");
    }

    @Test
    void the_addresses_a_mail_servers_refusal_repeats_are_masked_in_it() {
        assertThat(MaskedAddress.inText("refused by the mail server: 550 5.1.1 <anna.schmidt@example.org>: unknown user"))
                .isEqualTo("refused by the mail server: 550 5.1.1 <a***@example.org>: unknown user");
        assertThat(MaskedAddress.inText("not an e-mail address: Missing final '@domain' in string ``anna.schmidt''"))
                .isEqualTo("not an e-mail address: Missing final '@domain' in string ``anna.schmidt''");
        assertThat(MaskedAddress.inText("number +4930123456 unreachable")).isEqualTo("number +49******56 unreachable");
    }
}
