package org.medicore.notification.adapter.out.sms;

import java.util.regex.Pattern;

/** What every SMS provider needs as the address: a number in E.164 form (+, country code, at most 15 digits). */
final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PhoneNumbers() {
    }

    static boolean isE164(String address) {
        return E164.matcher(address).matches();
    }
}
