package org.medicore.support.audit;

import javax.crypto.SecretKey;

/** A person's data key, opened, with the random id the records name it by. */
record DataKey(String keyId, SecretKey key) {
}
