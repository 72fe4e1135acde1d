package org.medicore.lab.adapter.out.s3;

import org.medicore.lab.application.port.out.EraseReportObjects;
import org.medicore.lab.application.port.out.PresignDownload;
import org.medicore.lab.application.port.out.PresignUpload;
import org.medicore.lab.application.port.out.ReportObjects;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Presigned PUTs (content type and length signed in) and GETs, reads and quarantine moves in one bucket. */
final class S3ReportObjects implements PresignUpload, PresignDownload, ReportObjects, EraseReportObjects {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3ReportObjects(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public PresignedPut presignPut(String objectKey, String contentType, long sizeBytes, Duration validFor) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(r -> r.signatureDuration(validFor)
                .putObjectRequest(put -> put.bucket(bucket).key(objectKey).contentType(contentType)
                        .contentLength(sizeBytes)));
        return new PresignedPut(presigned.url().toString(),
                Map.of("Content-Type", contentType, "Content-Length", Long.toString(sizeBytes)),
                presigned.expiration());
    }

    @Override
    public PresignedGet presignGet(String objectKey, String contentType, Duration validFor) {
        // the answer's type is signed in, so the browser opens a PDF whatever the store recorded
        PresignedGetObjectRequest presigned = presigner.presignGetObject(r -> r.signatureDuration(validFor)
                .getObjectRequest(get -> get.bucket(bucket).key(objectKey).responseContentType(contentType)));
        return new PresignedGet(presigned.url().toString(), presigned.expiration());
    }

    @Override
    public OptionalLong sizeOf(String objectKey) {
        try {
            return OptionalLong.of(s3.headObject(r -> r.bucket(bucket).key(objectKey)).contentLength());
        } catch (NoSuchKeyException missing) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw e;
        }
    }

    @Override
    public byte[] read(String objectKey) {
        return s3.getObjectAsBytes(r -> r.bucket(bucket).key(objectKey)).asByteArray();
    }

    @Override
    public void quarantine(String objectKey, String quarantineKey) {
        move(objectKey, quarantineKey);
    }

    @Override
    public void move(String objectKey, String toKey) {
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(objectKey).destinationBucket(bucket).destinationKey(toKey));
        s3.deleteObject(r -> r.bucket(bucket).key(objectKey));
    }

    @Override
    public void write(String objectKey, byte[] content, String contentType) {
        s3.putObject(r -> r.bucket(bucket).key(objectKey).contentType(contentType), RequestBody.fromBytes(content));
    }

    @Override
    public List<String> keysUnder(String prefix, int limit) {
        return s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix).maxKeys(limit)).contents().stream()
                .map(S3Object::key).toList();
    }

    /**
     * Lists the key's versions and delete markers and deletes each by its version id, 1,000 at most a
     * round (what both calls take), until none is listed: deleting without a version id would only add a
     * delete marker over a PDF that still holds the patient's name.
     */
    @Override
    public int eraseEveryVersion(String objectKey) {
        int erased = 0;
        for (List<ObjectIdentifier> versions = versionsOf(objectKey); !versions.isEmpty(); versions = versionsOf(objectKey)) {
            delete(objectKey, versions);
            erased += versions.size();
        }
        return erased;
    }

    private void delete(String objectKey, List<ObjectIdentifier> versions) {
        DeleteObjectsResponse deleted = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(versions).quiet(true)));
        if (deleted.hasErrors() && !deleted.errors().isEmpty()) {
            var refused = deleted.errors().getFirst();
            throw new IllegalStateException("S3 kept " + deleted.errors().size() + " of " + versions.size()
                    + " versions of " + objectKey + ": " + refused.code() + " " + refused.message());
        }
    }

    private List<ObjectIdentifier> versionsOf(String objectKey) {
        ListObjectVersionsResponse listed = s3.listObjectVersions(r -> r.bucket(bucket).prefix(objectKey).maxKeys(1000));
        List<ObjectIdentifier> versions = new ArrayList<>();
        listed.versions().stream().filter(version -> version.key().equals(objectKey))
                .forEach(version -> versions.add(ObjectIdentifier.builder().key(objectKey).versionId(version.versionId()).build()));
        listed.deleteMarkers().stream().filter(marker -> marker.key().equals(objectKey))
                .forEach(marker -> versions.add(ObjectIdentifier.builder().key(objectKey).versionId(marker.versionId()).build()));
        return versions;
    }
}
