package org.medicore.bff.me;

import java.util.List;

/** The signed-in user as the schema's {@code Me} type shows them. */
public record Me(String subject, String displayName, String email, List<String> roles) {
}
