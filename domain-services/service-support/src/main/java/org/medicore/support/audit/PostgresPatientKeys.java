package org.medicore.support.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code audit.patient_key}: a row per person, found by pseudonym, holding the data key wrapped by the
 * key-encryption key. Two writers adding a key for the same person at once keep the first one's.
 */
final class PostgresPatientKeys implements PatientKeys {

    private final JdbcClient database;
    private final WrapDataKey keyEncryptionKey;
    private final Pseudonyms pseudonyms;

    PostgresPatientKeys(JdbcClient database, WrapDataKey keyEncryptionKey, Pseudonyms pseudonyms) {
        this.database = database;
        this.keyEncryptionKey = keyEncryptionKey;
        this.pseudonyms = pseudonyms;
    }

    @Override
    public Map<String, DataKey> keysOf(Collection<String> personIds) {
        Map<String, String> byPseudonym = new HashMap<>();
        personIds.forEach(person -> byPseudonym.put(pseudonyms.of(person), person));
        if (byPseudonym.isEmpty()) {
            return Map.of();
        }
        Map<String, DataKey> held = held(byPseudonym.keySet());
        byPseudonym.keySet().stream().filter(pseudonym -> !held.containsKey(pseudonym)).forEach(pseudonym ->
                database.sql("insert into audit.patient_key (pseudonym, key_id, wrapped_key) values (?, ?, ?)"
                                + " on conflict (pseudonym) do nothing")
                        .params(pseudonym, UUID.randomUUID(), keyEncryptionKey.wrap(AesGcm.newKey().getEncoded()))
                        .update());
        Map<String, DataKey> keys = held.size() == byPseudonym.size() ? held : held(byPseudonym.keySet());
        Map<String, DataKey> byPerson = new HashMap<>();
        keys.forEach((pseudonym, key) -> byPerson.put(byPseudonym.get(pseudonym), key));
        return byPerson;
    }

    @Override
    public Map<String, DataKey> byKeyId(Collection<String> keyIds) {
        List<String> ids = keyIds.stream().flatMap(PostgresPatientKeys::uuid).map(UUID::toString).toList();
        Map<String, DataKey> keys = new HashMap<>();
        if (!ids.isEmpty()) {
            database.sql("select key_id::text, wrapped_key from audit.patient_key where key_id = any(?::uuid[])")
                    .param(ids.toArray(String[]::new))
                    .query((row, number) -> opened(row.getString(1), row.getBytes(2))).list()
                    .forEach(key -> keys.put(key.keyId(), key));
        }
        return keys;
    }

    @Override
    public Optional<String> keyIdOf(String personId) {
        return database.sql("select key_id::text from audit.patient_key where pseudonym = ?")
                .param(pseudonyms.of(personId)).query(String.class).optional();
    }

    @Override
    public boolean forget(String personId) {
        return database.sql("delete from audit.patient_key where pseudonym = ?").param(pseudonyms.of(personId)).update() > 0;
    }

    @Override
    public String pseudonymOf(String personId) {
        return pseudonyms.of(personId);
    }

    private Map<String, DataKey> held(Collection<String> pseudonymsAsked) {
        Map<String, DataKey> keys = new HashMap<>();
        database.sql("select pseudonym, key_id::text, wrapped_key from audit.patient_key where pseudonym = any(?)")
                .param(pseudonymsAsked.toArray(String[]::new))
                .query((row, number) -> Map.entry(row.getString(1), opened(row.getString(2), row.getBytes(3)))).list()
                .forEach(key -> keys.put(key.getKey(), key.getValue()));
        return keys;
    }

    private DataKey opened(String keyId, byte[] wrappedKey) {
        try {
            return new DataKey(keyId, AesGcm.key(keyEncryptionKey.unwrap(wrappedKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key-encryption key does not open the key " + keyId
                    + ": the services are configured with another one", e);
        }
    }

    /** A key id as records hold it; text a caller forged into a record's key list names no key. */
    private static Stream<UUID> uuid(String keyId) {
        try {
            return Stream.of(UUID.fromString(keyId));
        } catch (IllegalArgumentException e) {
            return Stream.empty();
        }
    }
}
