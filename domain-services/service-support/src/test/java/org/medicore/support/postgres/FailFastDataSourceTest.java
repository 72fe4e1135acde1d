package org.medicore.support.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.medicore.localstack.PostgresServer;
import org.medicore.localstack.TestStack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool against a real PostgreSQL, and against a port where no database answers any more. */
class FailFastDataSourceTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void a_reachable_database_gives_connections() throws Exception {
        try (HikariDataSource pool = pool(TestStack.newDatabaseUrl("fail_fast_check"))) {
            FailFastDataSource dataSource = new FailFastDataSource(pool, clock);

            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void after_one_wait_in_vain_it_refuses_at_once_for_a_moment_then_tries_the_database_again() throws Exception {
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + portNobodyListensOn() + "/gone")) {
            FailFastDataSource dataSource = new FailFastDataSource(pool, clock);

            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("request timed out");
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("not waiting again");

            now.set(now.get().plus(FailFastDataSource.PAUSE));
            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("request timed out");
        }
    }

    @Test
    void a_pool_that_is_only_busy_does_not_refuse_the_callers_after_it() throws Exception {
        try (HikariDataSource pool = pool(TestStack.newDatabaseUrl("fail_fast_busy"), 1)) {
            FailFastDataSource dataSource = new FailFastDataSource(pool, clock);

            try (Connection busy = dataSource.getConnection()) {
                assertThat(busy.isValid(2)).isTrue();
                assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageContaining("request timed out").hasNoCause();
            }
            try (Connection next = dataSource.getConnection()) {
                assertThat(next.isValid(2)).isTrue();
            }
        }
    }

    @Test
    void once_callers_waited_long_for_a_second_without_the_queue_emptying_a_caller_who_would_queue_is_turned_away()
            throws Exception {
        ExecutorService threads = Executors.newCachedThreadPool();
        CompletionService<Connection> callers = new ExecutorCompletionService<>(threads);
        try (HikariDataSource pool = pool(TestStack.newDatabaseUrl("fail_fast_queue"), 1)) {
            pool.setConnectionTimeout(10_000);
            FailFastDataSource dataSource = new FailFastDataSource(pool, clock);
            Connection held = dataSource.getConnection();
            callers.submit(dataSource::getConnection);
            awaitWaiting(pool, 1);
            callers.submit(dataSource::getConnection);
            awaitWaiting(pool, 2);

            now.set(now.get().plus(FailFastDataSource.TARGET));
            held.close();
            Connection served = callers.poll(5, TimeUnit.SECONDS).get();
            now.set(now.get().plus(FailFastDataSource.STANDING));

            assertThatThrownBy(dataSource::getConnection).isInstanceOf(SQLTransientConnectionException.class)
                    .hasMessageContaining("refused at once rather than queued");

            served.close();
            callers.poll(5, TimeUnit.SECONDS).get().close();
            Connection quick = dataSource.getConnection();
            callers.submit(dataSource::getConnection);
            awaitWaiting(pool, 1);
            quick.close();
            try (Connection next = callers.poll(5, TimeUnit.SECONDS).get()) {
                assertThat(next.isValid(2)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitWaiting(HikariDataSource pool, int callers) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.getHikariPoolMXBean().getThreadsAwaitingConnection() < callers && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(pool.getHikariPoolMXBean().getThreadsAwaitingConnection()).as("callers waiting for the pool").isEqualTo(callers);
    }

    private static HikariDataSource pool(String url) {
        return pool(url, new HikariConfig().getMaximumPoolSize());
    }

    private static HikariDataSource pool(String url, int connections) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(connections);
        config.setJdbcUrl(url);
        config.setUsername(PostgresServer.USER);
        config.setPassword(PostgresServer.PASSWORD);
        config.setConnectionTimeout(250);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
