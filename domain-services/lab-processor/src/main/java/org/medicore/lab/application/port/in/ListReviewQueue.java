package org.medicore.lab.application.port.in;

import org.medicore.lab.domain.Caller;
import org.medicore.lab.domain.ReportPage;
import org.medicore.support.port.Outcome;

public interface ListReviewQueue {

    /** Reports held for review, oldest held first; a size of 0 means the default. */
    Outcome<ReportPage> reviewQueue(Caller caller, int pageSize, String pageToken);
}
