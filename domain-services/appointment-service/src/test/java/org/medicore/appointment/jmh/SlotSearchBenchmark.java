package org.medicore.appointment.jmh;

import org.medicore.appointment.domain.AppointmentType;
import org.medicore.appointment.domain.DaySchedule;
import org.medicore.appointment.domain.LocalTimeInterval;
import org.medicore.appointment.domain.PractitionerId;
import org.medicore.appointment.domain.Slot;
import org.medicore.appointment.domain.SlotPolicy;
import org.medicore.appointment.domain.TimeRange;
import org.medicore.appointment.domain.WeeklySchedule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The free slots of one practitioner's week, as every slot search computes them: a busy
 * practitioner (working around the clock in 10-minute slots, as the benchmark's practitioner does)
 * with {@code taken} periods booked in that week. The baseline checks every slot against every
 * taken period, as the search did before. Run: bench/run jmh-appointment (bench/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SlotSearchBenchmark {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 23);

    @Param({"0", "100", "1000"})
    public int taken;

    private final SlotPolicy policy = new SlotPolicy();
    private final PractitionerId practitioner = new PractitionerId(UUID.randomUUID());
    private WeeklySchedule aroundTheClock;
    private List<TimeRange> takenPeriods;
    private Instant now;

    @Setup
    public void setUp() {
        Map<DayOfWeek, DaySchedule> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, new DaySchedule(List.of(new LocalTimeInterval(LocalTime.MIN, LocalTime.of(23, 50))), List.of()));
        }
        Map<AppointmentType, Duration> lengths = new EnumMap<>(AppointmentType.class);
        for (AppointmentType type : AppointmentType.values()) {
            lengths.put(type, Duration.ofMinutes(10));
        }
        aroundTheClock = new WeeklySchedule(days, Set.of(), lengths);
        Instant weekStart = MONDAY.atStartOfDay(BERLIN).toInstant();
        takenPeriods = new ArrayList<>();
        for (int i = 0; i < taken; i++) {
            takenPeriods.add(TimeRange.of(weekStart.plus(Duration.ofMinutes(10L * (i * 7 % 1000))), Duration.ofMinutes(10)));
        }
        now = weekStart.minus(Duration.ofDays(1));
    }

    @Benchmark
    public List<Slot> freeSlotsOfAWeek() {
        return policy.freeSlots(practitioner, BERLIN, aroundTheClock, AppointmentType.CONSULTATION, MONDAY, MONDAY.plusDays(6),
                takenPeriods, now);
    }

    @Benchmark
    public List<Slot> baselineEverySlotAgainstEveryTakenPeriod() {
        return policy.freeSlots(practitioner, BERLIN, aroundTheClock, AppointmentType.CONSULTATION, MONDAY, MONDAY.plusDays(6),
                        List.of(), now).stream()
                .filter(slot -> takenPeriods.stream().noneMatch(slot.period()::overlaps))
                .toList();
    }
}
