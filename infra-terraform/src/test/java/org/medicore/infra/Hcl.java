package org.medicore.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * infra-terraform's *.tf files as JSON, parsed by @cdktf/hcl2json (HashiCorp's HCL parser as
 * WebAssembly) under node: no terraform binary and no provider needed.
 */
final class Hcl {

    private static Map<String, Object> files;

    private Hcl() {
    }

    /** Every .tf file under infra-terraform, by path relative to it ("modules/rds/main.tf"). */
    @SuppressWarnings("unchecked")
    static synchronized Map<String, Object> files() {
        if (files == null) {
            Path script = Repository.INFRA.resolve("src/test/node/hcl-to-json.mjs");
            Repository.Run run = Repository.run(Repository.INFRA, List.of("node", script.toString(), Repository.INFRA.toString()));
            if (run.exitCode() != 0) {
                throw new IllegalStateException("HCL parsing failed (run ./mvnw -pl infra-terraform verify, which installs @cdktf/hcl2json):\n" + run.output());
            }
            files = (Map<String, Object>) Repository.yaml().load(run.output());
        }
        return files;
    }

    /** The .tf files of one folder ("envs/dev", "modules/rds"). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> folder(String folder) {
        List<Map<String, Object>> result = new ArrayList<>();
        files().forEach((path, body) -> {
            if (path.endsWith(".tf") && path.startsWith(folder + "/") && path.indexOf('/', folder.length() + 1) < 0) {
                result.add((Map<String, Object>) body);
            }
        });
        return result;
    }

    /** Labelled blocks of one type in a folder: "variable" -> name -> body (first occurrence). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> blocks(String folder, String type) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (Map<String, Object> file : folder(folder)) {
            Object blocks = file.get(type);
            if (blocks instanceof Map<?, ?> byName) {
                byName.forEach((name, bodies) -> result.put((String) name, ((List<Map<String, Object>>) bodies).get(0)));
            }
        }
        return result;
    }

    /** Doubly labelled blocks ("resource", "data"): type -> name -> body. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Map<String, Object>>> typedBlocks(String folder, String kind) {
        Map<String, Map<String, Map<String, Object>>> result = new LinkedHashMap<>();
        for (Map<String, Object> file : folder(folder)) {
            if (file.get(kind) instanceof Map<?, ?> byType) {
                byType.forEach((type, byName) -> ((Map<String, List<Map<String, Object>>>) byName)
                        .forEach((name, bodies) -> result.computeIfAbsent((String) type, t -> new LinkedHashMap<>()).put(name, bodies.get(0))));
            }
        }
        return result;
    }

    /** The locals of a folder, all its locals blocks together: name -> value (expressions as "${...}" text). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> locals(String folder) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Map<String, Object> file : folder(folder)) {
            if (file.get("locals") instanceof List<?> blocks) {
                blocks.forEach(block -> result.putAll((Map<String, Object>) block));
            }
        }
        return result;
    }

    /** Every .tf file the parser read, for checks on their text as written (comments included). */
    static List<Path> paths() {
        return files().keySet().stream().filter(path -> path.endsWith(".tf")).sorted().map(Repository.INFRA::resolve).toList();
    }

    /** The folders holding .tf files ("envs/dev", "modules/rds", ...). */
    static List<String> folders() {
        return files().keySet().stream().filter(path -> path.endsWith(".tf")).map(path -> path.substring(0, path.lastIndexOf('/'))).distinct().sorted().toList();
    }

    /** The text of a whole folder's JSON, for reference scanning. */
    static String text(String folder) {
        return folder(folder).toString();
    }
}
