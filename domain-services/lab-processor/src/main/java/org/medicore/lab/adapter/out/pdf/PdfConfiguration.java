package org.medicore.lab.adapter.out.pdf;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PdfConfiguration {

    @Bean
    PdfBoxText pdfBoxText() {
        return new PdfBoxText();
    }
}
