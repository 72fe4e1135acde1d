package org.medicore.analytics.adapter.in.kafka;

import com.google.protobuf.Message;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.medicore.analytics.adapter.proto.AnalyticsProtos;
import org.medicore.analytics.domain.BookedDay;
import org.medicore.analytics.domain.ClinicActivity;
import org.medicore.analytics.domain.ClinicEvent.AppointmentEvent;
import org.medicore.analytics.domain.DashboardRules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps each clinic's activity and booked days (records arrive keyed by clinic id) and
 * publishes the clinic's rolling figures after every appointment event, as of stream time.
 */
final class RollingFiguresProcessor implements Processor<String, AppointmentEvent, String, Message> {

    private final DashboardRules rules;
    private ProcessorContext<String, Message> context;
    private KeyValueStore<String, ClinicActivity> activities;
    private KeyValueStore<String, BookedDay> bookedDays;

    RollingFiguresProcessor(DashboardRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, Message> context) {
        this.context = context;
        this.activities = context.getStateStore(AnalyticsTopology.CLINIC_ACTIVITY);
        this.bookedDays = context.getStateStore(AnalyticsTopology.BOOKED_DAYS);
        context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, this::forgetPastDays);
    }

    @Override
    public void process(Record<String, AppointmentEvent> record) {
        String clinicId = record.key();
        AppointmentEvent event = record.value();
        Instant asOf = Instant.ofEpochMilli(Math.max(context.currentStreamTimeMs(), record.timestamp()));

        ClinicActivity activity = activities.get(clinicId);
        activity = (activity == null ? ClinicActivity.none() : activity).record(event, asOf);
        activities.put(clinicId, activity);
        for (LocalDate date : rules.daysChangedBy(event)) {
            String key = BookedDayKey.of(clinicId, date);
            BookedDay changed = rules.apply(event, bookedDay(key, date));
            if (changed.appointments().isEmpty()) {
                bookedDays.delete(key);
            } else {
                bookedDays.put(key, changed);
            }
        }

        LocalDate today = rules.dayOf(asOf);
        var figures = rules.figures(clinicId, activity, bookedDay(BookedDayKey.of(clinicId, today), today), asOf);
        context.forward(new Record<>(clinicId, AnalyticsProtos.PROTOS.rollingFigures(figures), asOf.toEpochMilli(), record.headers()));
    }

    private BookedDay bookedDay(String key, LocalDate date) {
        BookedDay day = bookedDays.get(key);
        return day == null ? BookedDay.empty(date) : day;
    }

    /** Days before yesterday no longer show on any dashboard. */
    private void forgetPastDays(long streamTime) {
        LocalDate yesterday = rules.dayOf(Instant.ofEpochMilli(streamTime)).minusDays(1);
        List<String> past = new ArrayList<>();
        try (KeyValueIterator<String, BookedDay> all = bookedDays.all()) {
            while (all.hasNext()) {
                KeyValue<String, BookedDay> entry = all.next();
                if (BookedDayKey.dateOf(entry.key).isBefore(yesterday)) {
                    past.add(entry.key);
                }
            }
        }
        past.forEach(bookedDays::delete);
    }
}
