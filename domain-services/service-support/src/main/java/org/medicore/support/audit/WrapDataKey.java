package org.medicore.support.audit;

import java.security.GeneralSecurityException;

/**
 * Wraps a patient's data key with the key-encryption key the services are configured with, so the key table alone
 * opens nothing. Locally {@link LocalKeyEncryptionKey}; in the cloud a KMS key would implement it.
 */
public interface WrapDataKey {

    byte[] wrap(byte[] dataKey);

    /** Throws when the wrapped key is not one this key-encryption key wrapped. */
    byte[] unwrap(byte[] wrappedKey) throws GeneralSecurityException;
}
