package org.medicore.analytics.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;

/**
 * @param windowSize           length of a tumbling window
 * @param grace                how late (event time) an event may arrive and still count in its window
 * @param windowRetention      how long window figures stay queryable
 * @param deduplication        how long event ids are remembered to drop redelivered events
 * @param zone                 the clinic group's time zone, for "today" (the events carry none)
 * @param workingMinutesPerDay a practitioner's standard working day, the available minutes of utilisation
 *                             (the events carry no working hours)
 */
@ConfigurationProperties("medicore.analytics")
public record AnalyticsProperties(
        @DefaultValue("1m") Duration windowSize,
        @DefaultValue("30s") Duration grace,
        @DefaultValue("1d") Duration windowRetention,
        @DefaultValue("7d") Duration deduplication,
        @DefaultValue("Europe/Berlin") ZoneId zone,
        @DefaultValue("480") int workingMinutesPerDay) {
}
