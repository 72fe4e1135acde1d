package org.medicore.localstack;

import org.gaul.s3proxy.nio2blob.AbstractNio2BlobStore;

import java.nio.file.Path;

/**
 * S3Proxy's file-system store with bucket versioning. S3Proxy keeps versions in user extended attributes
 * of the files, which its file-system store does not assume every file system has (it answers 501 to
 * PutBucketVersioning); the ext4 folders here have them, and lab-processor's bucket is versioned in the
 * cloud, so its erasure of every version and delete marker is tested against versions.
 */
final class VersionedFilesystemBlobStore extends AbstractNio2BlobStore {

    /** On {@code root}, a folder that exists. */
    VersionedFilesystemBlobStore(Path root) {
        super(root.toAbsolutePath());
    }

    @Override
    public boolean supportsVersioning() {
        return true;
    }
}
