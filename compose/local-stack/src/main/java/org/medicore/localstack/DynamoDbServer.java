package org.medicore.localstack;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * DynamoDB Local (the real engine AWS publishes, on SQLite) serving the DynamoDB HTTP API.
 * Its own runner binds every interface; we mount its handler on a loopback-only Jetty instead.
 */
public final class DynamoDbServer implements Component {

    /** DynamoDB Local accepts any credentials; these are what our clients send. */
    public static final String ACCESS_KEY = "medicore";
    public static final String SECRET_KEY = "medicore-local-secret";
    public static final String REGION = "eu-central-1";

    private final Server server;
    private final LocalDynamoDBRequestHandler requests;
    private final int port;

    private DynamoDbServer(Server server, LocalDynamoDBRequestHandler requests, int port) {
        this.server = server;
        this.requests = requests;
        this.port = port;
    }

    /** Starts on {@code port} (0 = free), keeping one shared database file in {@code dataDirectory}. */
    public static DynamoDbServer start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            LocalDynamoDBRequestHandler requests = new LocalDynamoDBRequestHandler(
                    0, false, dataDirectory.toAbsolutePath().toString(), true, false);
            LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(requests, null);
            int chosenPort = FreePorts.orFree(port);
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(chosenPort);
            server.addConnector(connector);
            server.setHandler(new DynamoDBProxyServer(chosenPort, handler).setUpHandler(handler));
            server.start();
            return new DynamoDbServer(server, requests, connector.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local did not start", e);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    /**
     * Stops answering, its data kept: clients' connections are refused, as when the database is
     * unreachable; {@link #startAgain()} ends the outage. For fault tests.
     */
    public synchronized void stop() {
        try {
            connector().stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop answering", e);
        }
    }

    /** Answers again on the same port, with the data it had. */
    public synchronized void startAgain() {
        try {
            connector().start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not answer again", e);
        }
    }

    private ServerConnector connector() {
        return (ServerConnector) server.getConnectors()[0];
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "DynamoDB Local";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("endpoint", endpoint() + " (region " + REGION + ")"));
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        } finally {
            requests.shutdown();
        }
    }
}
