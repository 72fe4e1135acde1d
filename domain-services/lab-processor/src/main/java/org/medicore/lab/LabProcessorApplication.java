package org.medicore.lab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LabProcessorApplication {

    public static void main(String[] args) {
        SpringApplication.run(LabProcessorApplication.class, args);
    }
}
