package org.medicore.analytics.application.port.in;

import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.RollingFigures;
import org.medicore.analytics.domain.WindowFigures;

import java.time.Duration;
import java.util.List;

/** The current figures a freshly opened dashboard shows before the next event arrives. */
public interface ViewDashboard {

    /** The clinic's rolling figures as of now; none when no appointment event of the clinic was seen. */
    DashboardAnswer<RollingFigures> rollingFigures(String clinicId);

    /** The windows of one dimension value that started in the {@code lookback} before now, oldest first. */
    DashboardAnswer<List<WindowFigures>> recentWindows(DimensionKey key, Duration lookback);
}
