package org.medicore.fhir.support;

import org.medicore.fhir.export.ExportFiles;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Export files kept in memory, for tests of the HTTP layer: a file's URL is {@code memory:<key>}, read back with {@link #at}. */
public final class FilesInMemory implements ExportFiles {

    private static final String SCHEME = "memory:";

    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile boolean broken;

    /** From now on every write fails (true), as a store that is down, or works again (false). */
    public void breakDown(boolean down) {
        broken = down;
    }

    @Override
    public String write(String exportId, String fileName, byte[] ndjson) {
        if (broken) {
            throw new IllegalStateException("the store is down");
        }
        String key = exportId + "/" + fileName;
        files.put(key, ndjson.clone());
        return key;
    }

    @Override
    public URI downloadUrl(String key, Duration validFor) {
        return URI.create(SCHEME + key);
    }

    @Override
    public void deleteAll(String exportId) {
        files.keySet().removeIf(key -> key.startsWith(exportId + "/"));
    }

    /** The file a URL handed out names, while it is kept. */
    public Optional<String> at(String url) {
        return Optional.ofNullable(files.get(url.substring(SCHEME.length()))).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
