package org.medicore.lab.adapter.out.pdf;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class PdfConfiguration {

    @Bean
    PdfBoxText pdfBoxText(Clock clock) {
        return new PdfBoxText(clock);
    }
}
