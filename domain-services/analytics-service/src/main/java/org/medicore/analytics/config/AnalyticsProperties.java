package org.medicore.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param windowSize           length of a tumbling window
 * @param grace                how late (event time) an event may arrive and still count in its window: a day,
 *                             so that a backlog (a pause, a burst, partitions read at different paces) delays
 *                             the figures but never drops events; the final figures of a window follow a day later
 * @param windowRetention      how long window figures stay queryable; at least window size plus grace
 * @param deduplication        how long event ids are remembered to drop redelivered events
 * @param zone                 the clinic group's time zone, for "today" (the events carry none)
 * @param workingMinutesPerDay a practitioner's standard working day, the available minutes of utilisation
 *                             (the events carry no working hours)
 */
@ConfigurationProperties("medicore.analytics")
public record AnalyticsProperties(
        @DefaultValue("1m") Duration windowSize,
        @DefaultValue("1d") Duration grace,
        @DefaultValue("2d") Duration windowRetention,
        @DefaultValue("7d") Duration deduplication,
        @DefaultValue("Europe/Berlin") ZoneId zone,
        @DefaultValue("480") int workingMinutesPerDay) {
}
