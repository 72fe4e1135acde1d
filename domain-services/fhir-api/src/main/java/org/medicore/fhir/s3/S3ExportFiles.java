package org.medicore.fhir.s3;

import org.medicore.fhir.export.ExportFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Export files as objects {@code exports/<export id>/<file>} of one bucket, downloaded through presigned GETs. */
final class S3ExportFiles implements ExportFiles {

    private static final String NDJSON = "application/fhir+ndjson";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    S3ExportFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public String write(String exportId, String fileName, byte[] ndjson) {
        String key = prefix(exportId) + fileName;
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(NDJSON), RequestBody.fromBytes(ndjson));
        return key;
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        return URI.create(presigner.presignGetObject(get -> get.signatureDuration(validFor)
                .getObjectRequest(object -> object.bucket(bucket).key(key))).url().toString());
    }

    @Override
    public void deleteAll(String exportId) {
        List<ObjectIdentifier> objects = s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix(exportId))).contents()
                .stream().map(S3Object::key).map(key -> ObjectIdentifier.builder().key(key).build()).toList();
        if (!objects.isEmpty()) {
            s3.deleteObjects(delete -> delete.bucket(bucket).delete(which -> which.objects(objects)));
        }
    }

    private static String prefix(String exportId) {
        return "exports/" + exportId + "/";
    }
}
