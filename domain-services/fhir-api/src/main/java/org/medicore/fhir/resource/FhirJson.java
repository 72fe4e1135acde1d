package org.medicore.fhir.resource;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A resource as the JSON this API writes: HAPI's, with a backspace and a form feed in a text written
 * {@code \u0008} and {@code \u000c} rather than {@code \b} and {@code \f}. JSON allows both forms, but
 * the HL7 validator's JSON reader refuses the short ones, and patient-service keeps such characters in
 * names and notes as it was given them, so they do reach FHIR.
 */
public final class FhirJson {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private FhirJson() {
    }

    public static String encode(IBaseResource resource) {
        String json = FHIR.newJsonParser().encodeResourceToString(resource);
        if (!json.contains("\\b") && !json.contains("\\f")) {
            return json;
        }
        StringBuilder written = new StringBuilder(json.length() + 16);
        for (int at = 0; at < json.length(); at++) {
            char next = json.charAt(at);
            if (next != '\\' || at + 1 == json.length()) {
                written.append(next);
                continue;
            }
            char escaped = json.charAt(++at);
            written.append(switch (escaped) {
                case 'b' -> "\\u0008";
                case 'f' -> "\\u000c";
                default -> "\\" + escaped;
            });
        }
        return written.toString();
    }
}
