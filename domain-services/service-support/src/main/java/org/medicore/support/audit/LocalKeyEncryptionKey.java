package org.medicore.support.audit;

import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;

/** The key-encryption key from configuration (AES-256-GCM): the local stack's and the tests'. */
public final class LocalKeyEncryptionKey implements WrapDataKey {

    private final SecretKey key;

    public LocalKeyEncryptionKey(byte[] key) {
        this.key = AesGcm.key(key);
    }

    @Override
    public byte[] wrap(byte[] dataKey) {
        return AesGcm.seal(key, dataKey);
    }

    @Override
    public byte[] unwrap(byte[] wrappedKey) throws GeneralSecurityException {
        return AesGcm.open(key, wrappedKey);
    }
}
