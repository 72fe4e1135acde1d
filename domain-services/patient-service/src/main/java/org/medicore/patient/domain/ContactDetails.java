package org.medicore.patient.domain;

import java.util.Locale;
import java.util.Optional;

/** E-mail (lower-cased), phone (E.164) and an optional postal address. */
public record ContactDetails(String email, String phone, Optional<Address> address) {

    public ContactDetails {
        email = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        phone = phone == null ? "" : phone.strip();
        address = address == null ? Optional.empty() : address;
    }

    public ContactDetails withAddress(Address newAddress) {
        return new ContactDetails(email, phone, Optional.of(newAddress));
    }

    /** Whether messages sent by e-mail or SMS reach the same place: the postal address plays no part. */
    public boolean reachesSameAs(ContactDetails other) {
        return email.equals(other.email) && phone.equals(other.phone);
    }

    void check(String path, Violations violations) {
        if (email.isEmpty() && phone.isEmpty()) {
            violations.add(path + ".email", "an e-mail or a phone number is required");
        }
        violations.email(path + ".email", email).maxLength(path + ".email", email, 254)
                .phone(path + ".phone", phone);
        address.ifPresent(a -> a.check(path + ".address", violations));
    }
}
