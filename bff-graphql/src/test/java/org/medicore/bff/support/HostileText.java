package org.medicore.bff.support;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.util.List;

/**
 * Text an attacker or a broken client sends: empty, huge, control and bidi characters, markup,
 * injections, emoji. Both fuzz tests send every one of these to every text field, so a failure
 * on one of them shows on every run, and add random strings from jqwik on top.
 */
public final class HostileText {

    /** No answer may repeat more of its input than this. */
    public static final int ECHO_BOUND = 300;

    public static final List<String> EDGES = List.of("", " ", "\u0000", "Ali\u0000ce\b", "\u001b[31m",
            "\u202eevil\u0085", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00", "\uFEFF",
            "x".repeat(100_000), "9".repeat(5_000), "🩺".repeat(2_000), "null", "-1");

    private HostileText() {
    }

    public static Arbitrary<String> random() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    /** Whether {@code answer} repeats more than {@link #ECHO_BOUND} characters of {@code input}. */
    public static boolean echoes(String answer, String input) {
        return input.length() > ECHO_BOUND && answer != null && answer.contains(input.substring(0, ECHO_BOUND + 1));
    }
}
