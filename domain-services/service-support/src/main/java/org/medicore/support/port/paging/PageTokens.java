package org.medicore.support.port.paging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The one page-token format: the parts that say where the next page starts (an offset, or the
 * key of the last item and what the list was asked) joined by line feeds, in unpadded base64url.
 * Reading is total: a token this format did not write (another alphabet, broken UTF-8, another
 * number of parts, longer than {@value #MAX_LENGTH} characters) reads as empty, never as an
 * exception, so the caller refuses it on {@link Paging#TOKEN_FIELD}. An offset token holds the
 * decimal offset alone, which is what billing and notification handed out before this format
 * was shared, so their earlier tokens still read.
 */
public final class PageTokens {

    /** Far above any token written here (a few keys of a few dozen characters); bounds the work a forged one costs. */
    public static final int MAX_LENGTH = 1024;

    private static final String SEPARATOR = "\n";
    private static final Pattern OFFSET = Pattern.compile("0|[1-9][0-9]{0,9}");

    private PageTokens() {
    }

    /**
     * The token continuing after {@code parts}; a part must not hold a line feed, and one empty part
     * alone would be the empty token, which means the first page.
     */
    public static String of(List<String> parts) {
        if (parts.isEmpty() || parts.equals(List.of("")) || parts.stream().anyMatch(part -> part.contains(SEPARATOR))) {
            throw new IllegalArgumentException("a page token holds one or more parts without line feeds, not one empty part");
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    public static String of(String... parts) {
        return of(List.of(parts));
    }

    /** The {@code count} parts of {@code token}; empty when it is not a token of that many parts. */
    public static Optional<List<String>> read(String token, int count) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH || token.indexOf('=') >= 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            List<String> parts = List.of(text.split(SEPARATOR, -1));
            return parts.size() == count ? Optional.of(parts) : Optional.empty();
        } catch (IllegalArgumentException | CharacterCodingException notOurs) {
            return Optional.empty();
        }
    }

    /** The token of the page starting at {@code offset} items into a list. */
    public static String ofOffset(int offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("an offset is never negative");
        }
        return of(Integer.toString(offset));
    }

    /** The offset {@code token} continues at; empty for anything but a token of {@link #ofOffset}. */
    public static OptionalInt offset(String token) {
        return read(token, 1).map(List::getFirst).flatMap(PageTokens::offsetPart)
                .map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    /** An offset written as one part of a longer token: a plain decimal from 0 to {@link Integer#MAX_VALUE}. */
    public static Optional<Integer> offsetPart(String part) {
        if (!OFFSET.matcher(part).matches()) {
            return Optional.empty();
        }
        long offset = Long.parseLong(part);
        return offset <= Integer.MAX_VALUE ? Optional.of((int) offset) : Optional.empty();
    }
}
