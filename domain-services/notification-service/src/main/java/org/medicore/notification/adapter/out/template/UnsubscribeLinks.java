package org.medicore.notification.adapter.out.template;

import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;
import org.medicore.notification.domain.Channel;

import java.time.Clock;
import java.util.UUID;

/**
 * The unsubscribe page's address with a token for one patient and channel, fresh for each message: in
 * full for mail ({@code <page>?token=}), and on the page's short path for SMS ({@code <sms-url>/<token>}),
 * where every character counts against the segment.
 */
final class UnsubscribeLinks {

    /** The same token in both forms. */
    record Links(String page, String shortForm) {
    }

    private final String pageUrl;
    private final String shortUrl;
    private final IssueUnsubscribeTokens tokens;
    private final Clock clock;

    UnsubscribeLinks(String pageUrl, String shortUrl, IssueUnsubscribeTokens tokens, Clock clock) {
        this.pageUrl = pageUrl;
        this.shortUrl = shortUrl;
        this.tokens = tokens;
        this.clock = clock;
    }

    Links linksFor(UUID patientId, Channel channel) {
        // the token's alphabet (A-Z a-z 0-9 - _) needs no escaping in a query or a path
        String token = tokens.issue(patientId, channel, clock.instant());
        return new Links(pageUrl + "?token=" + token, shortUrl + "/" + token);
    }
}
