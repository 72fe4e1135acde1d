package org.medicore.infra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** compose/docker-compose.yml, read with SnakeYAML. */
final class ComposeFile {

    private final Map<String, Object> document;

    private ComposeFile(Map<String, Object> document) {
        this.document = document;
    }

    static ComposeFile load() {
        return new ComposeFile(Repository.yamlMap(Repository.COMPOSE_FILE));
    }

    Map<String, Object> document() {
        return document;
    }

    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) document.get("services");
    }

    Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        if (service == null) {
            throw new AssertionError("compose/docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** Services with a build, by name: the module folder (relative to the root) they build. */
    Map<String, String> builtModules() {
        Map<String, String> modules = new LinkedHashMap<>();
        Path composeDir = Repository.COMPOSE_FILE.getParent();
        services().forEach((name, service) -> {
            Object build = service.get("build");
            String context = build instanceof Map<?, ?> map ? String.valueOf(map.get("context")) : (String) build;
            if (context != null) {
                Path folder = composeDir.resolve(context).normalize();
                modules.put(name, Repository.ROOT.relativize(folder).toString().replace('\\', '/'));
            }
        });
        return modules;
    }

    /** The Dockerfile a built service's image comes from: the context's Dockerfile unless the build names another. */
    Path dockerfile(String name) {
        Object build = services().get(name).get("build");
        Path composeDir = Repository.COMPOSE_FILE.getParent();
        if (build instanceof Map<?, ?> map) {
            Path context = composeDir.resolve(String.valueOf(map.get("context")));
            return context.resolve(map.get("dockerfile") == null ? "Dockerfile" : String.valueOf(map.get("dockerfile"))).normalize();
        }
        return composeDir.resolve((String) build).resolve("Dockerfile").normalize();
    }

    /** The build arguments of a built service (map form). */
    @SuppressWarnings("unchecked")
    Map<String, String> buildArguments(String name) {
        Object build = services().get(name).get("build");
        Map<String, String> arguments = new LinkedHashMap<>();
        if (build instanceof Map<?, ?> map && map.get("args") instanceof Map<?, ?> args) {
            ((Map<String, Object>) args).forEach((key, value) -> arguments.put(key, String.valueOf(value)));
        }
        return arguments;
    }

    /** The environment of a service, from the map or the list ("NAME=value") form. */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                result.put(equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return result;
    }

    /** Container-side ports a service publishes ("host:container", "container" or the long form). */
    Set<Integer> containerPorts(String name) {
        Set<Integer> ports = new TreeSet<>();
        Object declared = service(name).get("ports");
        if (declared instanceof List<?> list) {
            for (Object port : list) {
                if (port instanceof Map<?, ?> longForm) {
                    ports.add(Integer.parseInt(String.valueOf(longForm.get("target"))));
                } else {
                    String text = String.valueOf(port).replaceAll("/(tcp|udp)$", "");
                    ports.add(Integer.parseInt(text.substring(text.lastIndexOf(':') + 1)));
                }
            }
        }
        return ports;
    }

    /** Published ports in the short form, as written ("127.0.0.1:9191:9191", "9091:9091"). */
    List<String> publishedPorts(String name) {
        Object declared = service(name).get("ports");
        return declared instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    /** The healthcheck's test as one line of text, or "" without one. */
    String healthcheck(String name) {
        return service(name).get("healthcheck") instanceof Map<?, ?> healthcheck && healthcheck.get("test") != null
                ? String.valueOf(healthcheck.get("test")) : "";
    }

    /** The Spring services (their module has an application*.yaml), by name: their module folder. */
    Map<String, String> springServices() {
        Map<String, String> spring = new LinkedHashMap<>();
        builtModules().forEach((service, module) -> {
            if (SpringConfig.existsFor(module)) {
                spring.put(service, module);
            }
        });
        return spring;
    }

    /** The actuator port of a Spring service in this file (its yaml as the environment here overrides it). */
    int managementPort(String name) {
        return SpringConfig.of(builtModules().get(name)).managementPort(environment(name));
    }

    String image(String name) {
        return (String) service(name).get("image");
    }
}
