package org.medicore.lab.domain;

/**
 * Why a lab's message was not taken, where in it (segment, its sequence among segments of that
 * name, field; 0 when not known) and in words for the lab, quoting at most a bounded excerpt of
 * what the lab sent.
 */
public record MessageFault(Kind kind, String segment, int sequence, int field, String detail) {

    private static final int EXCERPT = 40;

    public enum Kind {
        /** Not a message taken here (type, version, encoding, several patients): resending it as is won't help. */
        UNSUPPORTED,
        /** A segment or field that is required is missing or empty. */
        MISSING,
        /** A field cannot be read as its type says (a number that is not one, a date that is no date). */
        MALFORMED,
        /** The message names no patient record of this clinic, or one that does not exist. */
        UNKNOWN_PATIENT
    }

    /** "OBX-5 (OBX 4)", "PID-3", or "the message" when nothing more precise is known. */
    public String location() {
        if (segment.isEmpty()) {
            return "the message";
        }
        String at = field > 0 ? segment + "-" + field : segment;
        return sequence > 0 ? at + " (" + segment + " " + sequence + ")" : at;
    }

    /** What the lab sent, cut to a length that is safe to repeat in an answer. */
    public static String excerpt(String sent) {
        String plain = sent.replaceAll("\\p{Cntrl}", " ");
        return plain.length() <= EXCERPT ? plain : plain.substring(0, EXCERPT) + "…";
    }
}
