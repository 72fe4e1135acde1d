package org.medicore.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A small TCP proxy on 127.0.0.1 in front of a service (or a database) that passes bytes both
 * ways and, when told, holds back the service's answers (for a while or until released), as a
 * stalled service or network would, or delays every answer by a latency, as a slow network
 * would. Requests still reach the service, so what it does is done; only the answer is late.
 * For tests of the BFF and the fault suite (bench).
 */
public final class SlowLink implements AutoCloseable {

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "slow-link");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CountDownLatch answers = new CountDownLatch(0);
    private volatile Duration latency = Duration.ZERO;

    private SlowLink(String target) throws IOException {
        this.host = target.substring(0, target.lastIndexOf(':'));
        this.port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pumps.execute(this::accept);
    }

    /** A link to {@code target} ("host:port"). */
    public static SlowLink to(String target) {
        try {
            return new SlowLink(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where clients connect instead of the service. */
    public String target() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    /** Answers wait until {@link #release()}. */
    public void holdAnswers() {
        answers = new CountDownLatch(1);
    }

    /** Answers wait for {@code delay}, then flow again. */
    public void holdAnswersFor(Duration delay) {
        CountDownLatch held = new CountDownLatch(1);
        answers = held;
        pumps.execute(() -> {
            sleep(delay);
            held.countDown();
        });
    }

    public void release() {
        answers.countDown();
    }

    /** Every answer (each chunk the service sends) waits {@code latency} before it goes on; zero ends it. */
    public void delayAnswersBy(Duration latency) {
        this.latency = latency;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                Socket service = new Socket(host, port);
                pumps.execute(() -> pump(client, service, false));
                pumps.execute(() -> pump(service, client, true));
            } catch (IOException serviceDown) {
                // As a network would: this connection fails, the link stays for the caller's next try.
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean isAnswer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                if (isAnswer) {
                    answers.await();
                    Duration delay = latency;
                    if (!delay.isZero()) {
                        Thread.sleep(delay);
                    }
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException closed) {
            // One side hung up: the other follows when its pump ends.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    @Override
    public void close() {
        release();
        closeQuietly(listener);
        pumps.shutdownNow();
        try {
            pumps.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Closing what is closed already.
        }
    }
}
