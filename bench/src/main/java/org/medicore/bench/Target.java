package org.medicore.bench;

/**
 * Where the system under test answers. The defaults are the local stack's ports
 * (compose/local-stack/README); every one can be changed on the command line.
 *
 * @param postgresUrl {@code postgresql://user:password@host:port} of the database pgbench uses, or empty to skip it
 * @param kafka       the brokers' {@code host:port}, where the completion scenario hears billing's invoices
 * @param portal      the web portal's address, for the browser scenario
 * @param fhir        fhir-api's base URL, e.g. {@code http://127.0.0.1:8086/fhir}
 */
record Target(String patient, String appointment, String billing, String bffGraphQl, String keycloakIssuer,
              String tokenClient, String postgresUrl, String kafka, String portal, String fhir) {

    static final Target LOCAL_STACK = new Target("127.0.0.1:9091", "127.0.0.1:9092", "127.0.0.1:9093",
            "http://127.0.0.1:8080/graphql", "http://localhost:18080/realms/medicore", "medicore-local-dev",
            "postgresql://postgres:postgres@127.0.0.1:15432", "127.0.0.1:19092", "http://127.0.0.1:4173", "http://127.0.0.1:8086/fhir");

    String bffWebSocket() {
        return bffGraphQl.replaceFirst("^http", "ws");
    }
}
