package org.medicore.appointment.adapter.in.grpc;

import com.google.protobuf.Message;
import org.medicore.appointment.application.port.in.Page;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.support.grpc.RequestFields;
import org.medicore.support.port.paging.PageTokens;
import org.medicore.support.port.paging.Paging;

import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The shared page tokens and size rule ({@link org.medicore.support.port.paging}) for this
 * service's lists: a token holds the offset of the next page and a checksum of the query it
 * continues (the request without its paging), so a token passed to another query is refused
 * instead of silently paging through it.
 */
final class ListPaging {

    private static final int PARTS = 2;

    private ListPaging() {
    }

    /** The page {@code request} asks for, {@code page} being its paging field; null when {@code read} refuses it. */
    static Page.Request read(RequestFields read, Message request, PageRequest page) {
        int size = read.pageSize(page.getPageSize());
        if (page.getPageToken().isEmpty()) {
            return new Page.Request(size, 0);
        }
        Optional<Integer> offset = PageTokens.read(page.getPageToken(), PARTS)
                .filter(parts -> parts.getLast().equals(query(request)))
                .flatMap(parts -> PageTokens.offsetPart(parts.getFirst()));
        if (offset.isEmpty()) {
            read.refuse(Paging.TOKEN_FIELD, Paging.FOREIGN_TOKEN);
            return null;
        }
        return new Page.Request(size, offset.get());
    }

    static PageInfo pageInfo(Message request, Page<?> page) {
        String next = page.nextOffset().isPresent() ? token(page.nextOffset().getAsInt(), request) : "";
        return PageInfo.newBuilder().setNextPageToken(next).setTotalSize(page.totalSize()).build();
    }

    private static String token(int offset, Message request) {
        return PageTokens.of(List.of(Integer.toString(offset), query(request)));
    }

    private static String query(Message request) {
        var withoutPaging = request.toBuilder();
        withoutPaging.clearField(request.getDescriptorForType().findFieldByName("page"));
        CRC32 checksum = new CRC32();
        checksum.update(withoutPaging.build().toByteArray());
        return Long.toHexString(checksum.getValue());
    }
}
