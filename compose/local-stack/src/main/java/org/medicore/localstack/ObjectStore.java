package org.medicore.localstack;

import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.PutBucketVersioningRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An S3-compatible object store (S3Proxy on the file system) that checks AWS SigV4 signatures,
 * so presigned URLs are verified as S3 would. The lab report bucket keeps versions, as in the cloud.
 */
public final class ObjectStore implements Component {

    public static final String LAB_REPORTS_BUCKET = "medicore-lab-reports";
    /** fhir-api's bulk export files; made when the local stack starts fhir-api. */
    public static final String FHIR_EXPORTS_BUCKET = "medicore-fhir-exports";
    public static final String ACCESS_KEY = "medicore";
    public static final String SECRET_KEY = "medicore-local-secret";
    public static final String REGION = "us-east-1";

    /**
     * The portal PUTs lab reports straight to their presigned URL from the browser; on one machine
     * the portal is served from some loopback port (the e2e test picks a free one).
     */
    private static final CrossOriginResourceSharing PORTAL_UPLOADS = new CrossOriginResourceSharing(
            List.of("http://(localhost|127\\.0\\.0\\.1):[0-9]+"), List.of("PUT"), List.of("Content-Type"), List.of(), "false");

    private final BlobStore blobs;
    private final int port;
    private S3Proxy proxy;

    private ObjectStore(S3Proxy proxy, BlobStore blobs) {
        this.proxy = proxy;
        this.blobs = blobs;
        this.port = proxy.getPort();
    }

    /** Starts on {@code port} (0 = free) with the lab-report bucket, objects kept under {@code dataDirectory}. */
    public static ObjectStore start(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            BlobStore blobs = new VersionedFilesystemBlobStore(dataDirectory);
            ObjectStore store = new ObjectStore(serve(blobs, FreePorts.orFree(port)), blobs);
            store.ensureBucket(LAB_REPORTS_BUCKET);
            // versioned as infra-terraform's s3_lab_reports: an overwrite or a delete keeps what was there
            blobs.putBucketVersioning(PutBucketVersioningRequest.builder().bucket(LAB_REPORTS_BUCKET)
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)).build());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("the S3 store did not start", e);
        } catch (Exception e) {
            throw new IllegalStateException("the S3 store did not start", e);
        }
    }

    private static S3Proxy serve(BlobStore blobs, int port) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .corsRules(PORTAL_UPLOADS)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            ChildProcess.sleep(java.time.Duration.ofMillis(20));
        }
        return proxy;
    }

    /**
     * Stops answering, its objects kept: clients' connections are refused, as when S3 is unreachable;
     * {@link #startAgain()} ends the outage. For fault tests.
     */
    public synchronized void stop() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the S3 store did not stop answering", e);
        }
    }

    /** Answers again on the same port, with the objects it had (they stayed in its folder). */
    public synchronized void startAgain() {
        try {
            proxy = serve(blobs, port);
        } catch (Exception e) {
            throw new IllegalStateException("the S3 store did not answer again", e);
        }
    }

    public void ensureBucket(String bucket) {
        if (!blobs.containerExists(bucket)) {
            blobs.createContainer(bucket);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public String name() {
        return "S3 (S3Proxy)";
    }

    @Override
    public List<Endpoint> endpoints() {
        return List.of(new Endpoint("endpoint", endpoint() + " (bucket " + LAB_REPORTS_BUCKET + ", path-style)"));
    }

    @Override
    public synchronized void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the S3 store did not stop cleanly", e);
        }
    }
}
