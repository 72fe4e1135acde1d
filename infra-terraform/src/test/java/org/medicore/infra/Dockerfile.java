package org.medicore.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The instructions of the Dockerfile a module's image is built from (continuation lines joined): its
 * own, or for a Spring Boot module the one every Spring service shares.
 */
record Dockerfile(String module, List<String> instructions) {

    static Dockerfile of(String module) {
        String text = Repository.read(pathOf(module));
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inHeredoc = false;
        String heredocEnd = null;
        for (String line : text.split("\n", -1)) {
            if (inHeredoc) {
                if (line.trim().equals(heredocEnd)) {
                    inHeredoc = false;
                }
                continue;
            }
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            java.util.regex.Matcher heredoc = java.util.regex.Pattern.compile("<<-?'?\"?(\\w+)").matcher(trimmed);
            if (heredoc.find() && current.isEmpty()) {
                heredocEnd = heredoc.group(1);
                inHeredoc = true;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
            } else {
                current.append(trimmed);
                instructions.add(current.toString());
                current.setLength(0);
            }
        }
        return new Dockerfile(module, instructions);
    }

    /** The Dockerfile {@code module}'s image is built from. */
    static Path pathOf(String module) {
        Path own = Repository.ROOT.resolve(module).resolve("Dockerfile");
        return Files.exists(own) || !SpringConfig.existsFor(module) ? own : Repository.SPRING_SERVICE_DOCKERFILE;
    }

    List<String> all(String keyword) {
        return instructions.stream()
                .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                .map(i -> i.substring(keyword.length() + 1).strip())
                .toList();
    }

    Set<Integer> exposedPorts() {
        Set<Integer> ports = new TreeSet<>();
        for (String expose : all("EXPOSE")) {
            for (String port : expose.split("\\s+")) {
                ports.add(Integer.parseInt(port.replaceAll("/(tcp|udp)$", "")));
            }
        }
        return ports;
    }

    /** ENV NAME=value declarations of the last stage. */
    Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String env : all("ENV")) {
            for (String assignment : env.split("\\s+(?=[A-Za-z_][A-Za-z0-9_]*=)")) {
                int equals = assignment.indexOf('=');
                if (equals > 0) {
                    environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
                }
            }
        }
        return environment;
    }

    List<String> fromImages() {
        return all("FROM").stream().map(from -> from.split("\\s+")[0]).toList();
    }

    String lastUser() {
        List<String> users = all("USER");
        return users.isEmpty() ? null : users.get(users.size() - 1);
    }
}
