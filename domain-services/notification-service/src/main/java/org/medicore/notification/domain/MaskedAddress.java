package org.medicore.notification.domain;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address as the record of sent messages shows it: enough for staff and the patient to tell
 * which mailbox or phone it went to ("a***@example.org", "+49******56"), not enough to read a
 * patient's contact details from it. Those stay in the patient's record, where reading them is
 * a demographics read of its own; this list is shown to more people and more often.
 */
public record MaskedAddress(String shown) {

    private static final String HIDDEN = "***";
    private static final int PHONE_PREFIX = 3;
    private static final int PHONE_SUFFIX = 2;
    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;:@]+");
    private static final Pattern PHONE_IN_TEXT = Pattern.compile("\\+[0-9]{6,15}");

    public MaskedAddress {
        Objects.requireNonNull(shown, "shown");
    }

    public static MaskedAddress of(Channel channel, String address) {
        return new MaskedAddress(switch (channel) {
            case EMAIL -> email(address);
            case SMS -> phone(address);
        });
    }

    /**
     * A provider's error text with every address in it masked: a mail server's refusal usually
     * repeats the address it refused, and the text is shown where the address is not.
     */
    public static String inText(String text) {
        String masked = EMAIL_IN_TEXT.matcher(text).replaceAll(found -> Matcher.quoteReplacement(email(found.group())));
        return PHONE_IN_TEXT.matcher(masked).replaceAll(found -> Matcher.quoteReplacement(phone(found.group())));
    }

    /** The first letter of the mailbox and the whole domain (a typo in the domain is what staff look for). */
    private static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at < 1 || at == address.length() - 1) {
            return HIDDEN;
        }
        return address.charAt(0) + HIDDEN + address.substring(at);
    }

    /** The country code and the last two digits, the length kept. */
    private static String phone(String number) {
        if (number.length() <= PHONE_PREFIX + PHONE_SUFFIX) {
            return HIDDEN;
        }
        return number.substring(0, PHONE_PREFIX)
                + "*".repeat(number.length() - PHONE_PREFIX - PHONE_SUFFIX)
                + number.substring(number.length() - PHONE_SUFFIX);
    }
}
