package org.medicore.lab.support;

import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.DynamoDbServer;
import org.medicore.localstack.TestStack;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * The real patient-service, started in this test JVM once, on DynamoDB Local and Kafka of the
 * test stack, trusting the real Keycloak of the test stack. Its classes come from its jar, unpacked by the build
 * (a Spring Boot executable jar keeps them under BOOT-INF/classes), hence the lookup by name.
 */
public final class RunningPatientService {

    private static ConfigurableApplicationContext context;

    private RunningPatientService() {
    }

    /** The gRPC port of the running patient-service. */
    public static synchronized int port() {
        if (context == null) {
            context = start();
        }
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.grpc.server.port"));
    }

    private static ConfigurableApplicationContext start() {
        String issuer = TestStack.keycloak().issuer();
        String jwksUri = TestStack.keycloak().jwksUri();
        try {
            Class<?> application = Class.forName("org.medicore.patient.PatientServiceApplication");
            SpringApplication app = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                    .properties(
                            // its own application.yaml is not on this class path; everything is given here
                            "spring.config.name=patient-service-in-lab-tests",
                            "spring.application.name=patient-service",
                            "spring.grpc.server.port=0",
                            "medicore.patient.dynamodb.table=patients-for-lab-tests",
                            "medicore.patient.dynamodb.endpoint=" + TestStack.dynamoDb().endpoint(),
                            "medicore.patient.dynamodb.region=" + DynamoDbServer.REGION,
                            "medicore.patient.dynamodb.access-key=" + DynamoDbServer.ACCESS_KEY,
                            "medicore.patient.dynamodb.secret-key=" + DynamoDbServer.SECRET_KEY,
                            "medicore.patient.kafka.bootstrap-servers=" + TestStack.kafka().bootstrapServers(),
                            "medicore.patient.kafka.topic=medicore.patients.v1",
                            "medicore.patient.kafka.ack-timeout=30s",
                            "medicore.patient.outbox.relay-enabled=false",
                            "medicore.patient.outbox.batch-size=50",
                            "medicore.patient.outbox.relay-interval=1s",
                            "medicore.patient.security.issuer=" + issuer,
                            "medicore.patient.security.jwk-set-uri=" + jwksUri,
                            "medicore.patient.security.audience=medicore-api",
                            "medicore.audit.resource-type=Patient")
                    .properties(Map.<String, Object>copyOf(AuditDatabase.writerProperties(TestStack.postgres())))
                    .build();
            return app.run();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("patient-service's classes are missing; run the tests through Maven", e);
        }
    }
}
