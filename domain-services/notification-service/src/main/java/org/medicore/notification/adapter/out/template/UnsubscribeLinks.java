package org.medicore.notification.adapter.out.template;

import org.medicore.notification.domain.Channel;
import org.medicore.notification.application.port.out.IssueUnsubscribeTokens;

import java.time.Clock;
import java.util.UUID;

/** The unsubscribe page's address with a token for one patient and channel, fresh for each message. */
final class UnsubscribeLinks {

    private final String pageUrl;
    private final IssueUnsubscribeTokens tokens;
    private final Clock clock;

    UnsubscribeLinks(String pageUrl, IssueUnsubscribeTokens tokens, Clock clock) {
        this.pageUrl = pageUrl;
        this.tokens = tokens;
        this.clock = clock;
    }

    String linkFor(UUID patientId, Channel channel) {
        // the token's alphabet (A-Z a-z 0-9 - _) needs no escaping in a query
        return pageUrl + "?token=" + tokens.issue(patientId, channel, clock.instant());
    }
}
