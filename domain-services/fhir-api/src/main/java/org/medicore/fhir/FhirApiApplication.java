package org.medicore.fhir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FhirApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(FhirApiApplication.class, args);
    }
}
