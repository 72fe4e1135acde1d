package org.medicore.patient.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Who the patient is and how to reach them, in which language. Valid on construction, except for the one rule that
 * needs today's date ({@link #checkBornBy(LocalDate)}).
 */
public record Demographics(PersonName name, LocalDate dateOfBirth, Sex sex, ContactDetails contact,
                           Optional<EmergencyContact> emergencyContact, PreferredLanguage preferredLanguage) {

    public Demographics {
        name = name == null ? new PersonName("", "") : name;
        sex = sex == null ? Sex.UNSPECIFIED : sex;
        contact = contact == null ? new ContactDetails("", "", Optional.empty()) : contact;
        emergencyContact = emergencyContact == null ? Optional.empty() : emergencyContact;
        preferredLanguage = preferredLanguage == null ? PreferredLanguage.NOT_CHOSEN : preferredLanguage;
        Violations violations = new Violations();
        name.check("name", violations);
        if (dateOfBirth == null) {
            violations.add("date_of_birth", "a full calendar date is required");
        } else if (dateOfBirth.getYear() < 1880) {
            violations.add("date_of_birth", "must be after 1880");
        }
        contact.check("contact", violations);
        emergencyContact.ifPresent(e -> e.check("emergency_contact", violations));
        preferredLanguage.check("preferred_language", violations);
        violations.throwIfAny();
    }

    /** Dates of birth lie in the past: refuses one after {@code today}. */
    public void checkBornBy(LocalDate today) {
        if (dateOfBirth.isAfter(today)) {
            new Violations().add("date_of_birth", "must not be in the future").throwIfAny();
        }
    }

    /** Whether e-mail and SMS go to the same place, in the same language, as with {@code other}: if not, notification-service must learn it. */
    public boolean reachedAsWith(Demographics other) {
        return contact.reachesSameAs(other.contact) && preferredLanguage.equals(other.preferredLanguage);
    }

    /** The key two records of the same person share: name, date of birth and e-mail; none without an e-mail. */
    public Optional<String> duplicateKey() {
        if (contact.email().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join("|", SearchableName.normalize(name.family()), SearchableName.normalize(name.given()),
                dateOfBirth.toString(), contact.email()));
    }

    public SearchableName searchableName() {
        return new SearchableName(SearchableName.normalize(name.family()), SearchableName.normalize(name.given()));
    }
}
