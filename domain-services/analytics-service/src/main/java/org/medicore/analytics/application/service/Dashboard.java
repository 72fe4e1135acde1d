package org.medicore.analytics.application.service;

import org.medicore.analytics.application.port.in.DashboardAnswer;
import org.medicore.analytics.application.port.in.ViewDashboard;
import org.medicore.analytics.application.port.out.LoadClinicActivity;
import org.medicore.analytics.application.port.out.LoadWindowFigures;
import org.medicore.analytics.application.port.out.LocateFigures;
import org.medicore.analytics.domain.DashboardRules;
import org.medicore.analytics.domain.DimensionKey;
import org.medicore.analytics.domain.RollingFigures;
import org.medicore.analytics.domain.WindowFigures;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class Dashboard implements ViewDashboard {

    private final LoadClinicActivity clinics;
    private final LoadWindowFigures windows;
    private final LocateFigures locations;
    private final DashboardRules rules;
    private final Clock clock;

    public Dashboard(LoadClinicActivity clinics, LoadWindowFigures windows, LocateFigures locations, DashboardRules rules,
                     Clock clock) {
        this.clinics = clinics;
        this.windows = windows;
        this.locations = locations;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public DashboardAnswer<RollingFigures> rollingFigures(String clinicId) {
        Optional<URI> elsewhere = locations.otherInstanceHoldingClinic(clinicId);
        if (elsewhere.isPresent()) {
            return new DashboardAnswer.HeldElsewhere<>(elsewhere.get());
        }
        Instant now = clock.instant();
        return clinics.activity(clinicId)
                .<DashboardAnswer<RollingFigures>>map(activity -> new DashboardAnswer.Figures<>(
                        rules.figures(clinicId, activity, clinics.bookedDay(clinicId, rules.dayOf(now)), now)))
                .orElseGet(DashboardAnswer.NoFigures::new);
    }

    @Override
    public DashboardAnswer<List<WindowFigures>> recentWindows(DimensionKey key, Duration lookback) {
        Optional<URI> elsewhere = locations.otherInstanceHoldingWindows(key);
        if (elsewhere.isPresent()) {
            return new DashboardAnswer.HeldElsewhere<>(elsewhere.get());
        }
        Instant now = clock.instant();
        return new DashboardAnswer.Figures<>(windows.windows(key, now.minus(lookback), now));
    }
}
