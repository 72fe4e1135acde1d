package org.medicore.appointment.adapter.in.grpc;

import com.google.protobuf.Message;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Opaque page tokens: the offset of the next page together with a checksum of the query it
 * continues (the request without its paging), so a token passed to another query is refused
 * instead of silently paging through it.
 */
final class PageTokens {

    private PageTokens() {
    }

    /** The page {@code request} asks for; {@code page} is its paging field. */
    static Page.Request read(Message request, PageRequest page) {
        if (page.getPageToken().isEmpty()) {
            return new Page.Request(page.getPageSize(), 0);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(page.getPageToken()), StandardCharsets.UTF_8).split(":", -1);
            if (parts.length == 2 && parts[1].equals(query(request))) {
                return new Page.Request(page.getPageSize(), Integer.parseInt(parts[0]));
            }
        } catch (IllegalArgumentException notOurs) {
            // not base64, not a number or a negative offset: refused below like any foreign token
        }
        throw new InvalidField("page.page_token", "not a page token of this list");
    }

    static PageInfo pageInfo(Message request, Page<?> page) {
        String next = page.nextOffset().isPresent() ? token(page.nextOffset().getAsInt(), request) : "";
        return PageInfo.newBuilder().setNextPageToken(next).setTotalSize(page.totalSize()).build();
    }

    private static String token(int offset, Message request) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((offset + ":" + query(request)).getBytes(StandardCharsets.UTF_8));
    }

    private static String query(Message request) {
        var withoutPaging = request.toBuilder();
        withoutPaging.clearField(request.getDescriptorForType().findFieldByName("page"));
        CRC32 checksum = new CRC32();
        checksum.update(withoutPaging.build().toByteArray());
        return Long.toHexString(checksum.getValue());
    }
}
