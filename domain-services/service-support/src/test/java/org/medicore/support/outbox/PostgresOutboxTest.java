package org.medicore.support.outbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;
import org.medicore.support.port.OutboxMessage;
import org.medicore.support.transaction.SpringTransactions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one PostgreSQL outbox, against the real database, in both services' table shapes. */
class PostgresOutboxTest {

    private static final OutboxTable UUID_KEYS = new OutboxTable("outbox_event", "sequence", "sent_at", 1L);
    private static final OutboxTable TEXT_KEYS = new OutboxTable("outbox", "position", "published_at", 2L);

    private static JdbcTemplate jdbc;
    private static SpringTransactions transactions;
    private static DriverManagerDataSource dataSource;

    @BeforeAll
    static void tables() {
        dataSource = new DriverManagerDataSource(TestStack.newDatabaseUrl("postgres_outbox"), PostgresServer.USER,
                PostgresServer.PASSWORD);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop table if exists outbox_event, outbox");
        jdbc.execute("""
                create table outbox_event (sequence bigint generated always as identity primary key, event_id uuid not null unique,
                    event_type text not null, aggregate_id uuid not null, occurred_at timestamptz not null, payload text not null,
                    sent_at timestamptz, trace_parent text not null default '')""");
        jdbc.execute("""
                create table outbox (position bigserial primary key, event_id uuid not null unique, aggregate_id text not null,
                    event_type text not null, occurred_at timestamptz not null, payload text not null, published_at timestamptz,
                    trace_parent text not null default '')""");
        transactions = new SpringTransactions(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void what_a_committed_transaction_appended_is_locked_in_write_order_with_every_field_then_marked() {
        for (OutboxTable table : List.of(UUID_KEYS, TEXT_KEYS)) {
            PostgresOutbox outbox = new PostgresOutbox(dataSource, table, new OutboxWritten());
            List<OutboxMessage> written = List.of(message("{\"n\":1}", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                    message("{\"n\":2}", ""), message("{\"n\":3}", ""));
            long before = outbox.countUnsent();
            transactions.inTransaction(() -> {
                outbox.append(written);
                return null;
            });

            assertThat(outbox.countUnsent()).isEqualTo(before + 3);
            List<OutboxMessage> locked = transactions.inTransaction(() -> {
                List<OutboxMessage> oldest = outbox.lockOldestUnsent(100);
                outbox.markSent(oldest.stream().map(OutboxMessage::eventId).toList(), Instant.now());
                return oldest;
            });
            assertThat(locked).as(table.name()).endsWith(written.toArray(OutboxMessage[]::new));
            assertThat(outbox.countUnsent()).isZero();
        }
    }

    @Test
    void a_rolled_back_change_leaves_no_event_and_wakes_no_relay() {
        AtomicInteger wakes = new AtomicInteger();
        OutboxWritten written = new OutboxWritten();
        written.listen(wakes::incrementAndGet);
        PostgresOutbox outbox = new PostgresOutbox(dataSource, TEXT_KEYS, written);
        long before = outbox.countUnsent();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            outbox.append(List.of(message("{}", "")));
            throw new IllegalStateException("the change failed");
        })).hasMessage("the change failed");
        transactions.inTransaction(() -> {
            outbox.append(List.of(message("{}", "")));
            assertThat(wakes).as("not before the commit").hasValue(0);
            return null;
        });

        assertThat(outbox.countUnsent()).isEqualTo(before + 1);
        assertThat(wakes).hasValue(1);
    }

    @Test
    void while_one_relay_holds_the_outbox_another_gets_nothing() throws Exception {
        PostgresOutbox outbox = new PostgresOutbox(dataSource, UUID_KEYS, new OutboxWritten());
        transactions.inTransaction(() -> {
            outbox.append(List.of(message("{}", "")));
            return null;
        });
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> transactions.inTransaction(() -> {
            int locked = outbox.lockOldestUnsent(100).size();
            holding.countDown();
            await(done);
            return locked;
        }));
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(transactions.inTransaction(() -> outbox.lockOldestUnsent(100))).isEmpty();
        } finally {
            done.countDown();
        }
        assertThat(first.get(10, TimeUnit.SECONDS)).isPositive();
    }

    private static OutboxMessage message(String payload, String traceParent) {
        return new OutboxMessage(UUID.randomUUID(), "medicore.events.v1.Example", UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), payload, traceParent);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
