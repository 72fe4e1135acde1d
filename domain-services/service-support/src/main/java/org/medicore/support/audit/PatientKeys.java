package org.medicore.support.audit;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The data keys of the persons the trail names, each kept wrapped until erasure destroys it. */
interface PatientKeys {

    /** The key of each person, a new one for a person who has none yet (the writer's). */
    Map<String, DataKey> keysOf(Collection<String> personIds);

    /** The keys still held among {@code keyIds}, by key id; a destroyed one is simply absent (the reader's). */
    Map<String, DataKey> byKeyId(Collection<String> keyIds);

    /** The id of a person's key, to find their records; empty when they have none or were forgotten. */
    Optional<String> keyIdOf(String personId);

    /** Destroys the person's key; whether there was one (erasure's, in the caller's transaction). */
    boolean forget(String personId);

    /** The person's id as erasure records name it. */
    String pseudonymOf(String personId);
}
