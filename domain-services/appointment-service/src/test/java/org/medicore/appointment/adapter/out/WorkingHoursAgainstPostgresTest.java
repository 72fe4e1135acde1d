package org.medicore.appointment.adapter.out;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.adapter.out.jooq.JooqPersistence;
import org.medicore.appointment.application.port.in.ManagePractitioners.HoursSet;
import org.medicore.appointment.domain.Practitioner;
import org.medicore.appointment.domain.WeeklySchedule;
import org.medicore.appointment.domain.WorkingHours;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.support.port.Transactions;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.ScheduleBuilder.aWeek;

/** The remembered hours against the real PostgreSQL: a version names one schedule, and no instance reads a stale one. */
class WorkingHoursAgainstPostgresTest extends IntegrationTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    Transactions transactions;

    @Test
    void concurrent_changes_of_one_practitioners_hours_each_get_their_own_version_and_the_last_one_is_read() throws Exception {
        Practitioner practitioner = aPractitionerWithHours();
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<HoursSet>> changes = new ArrayList<>();
        for (int hour = 8; hour < 18; hour++) {
            WeeklySchedule schedule = aWeek().workingWeekdays("%02d:00".formatted(hour), "%02d:30".formatted(hour)).build();
            changes.add(() -> {
                start.await();
                return success(practitioners.setWorkingHours(ADMIN, practitioner.id(), 0, schedule));
            });
        }

        List<HoursSet> set = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(changes.size())) {
            List<Future<HoursSet>> futures = changes.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<HoursSet> future : futures) {
                set.add(future.get());
            }
        }

        assertThat(set).extracting(change -> change.hours().version()).containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        HoursSet last = set.stream().filter(change -> change.hours().version() == 11).findFirst().orElseThrow();
        WorkingHours read = success(practitioners.workingHours(ADMIN, practitioner.id()));
        assertThat(read.version()).isEqualTo(11);
        assertThat(read.schedule()).isEqualTo(last.hours().schedule());
    }

    @Test
    void hours_changed_by_another_instance_are_read_at_once() {
        Practitioner practitioner = aPractitionerWithHours();
        var thisInstance = new JooqPersistence(dsl);
        var otherInstance = new JooqPersistence(dsl);
        WorkingHours before = thisInstance.loadWorkingHours().workingHours(practitioner.id()).orElseThrow();

        WeeklySchedule evenings = aWeek().workingWeekdays("17:00", "20:00").build();
        transactions.inTransaction(() -> {
            long current = otherInstance.loadWorkingHours().workingHoursForChange(practitioner.id()).orElseThrow().version();
            otherInstance.saveWorkingHours().save(new WorkingHours(practitioner.id(), evenings, current + 1, Instant.now()));
            return current;
        });

        WorkingHours after = thisInstance.loadWorkingHours().workingHours(practitioner.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.schedule()).isEqualTo(evenings);
        assertThat(thisInstance.loadWorkingHours().workingHours(practitioner.id())).contains(after);
    }
}
