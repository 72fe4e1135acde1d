package org.medicore.appointment.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** Scheduling limits: how far ahead bookings, slot searches and working-hours conflict checks reach. */
@ConfigurationProperties("medicore.scheduling")
public record SchedulingProperties(@DefaultValue("365d") Duration bookingHorizon) {
}
