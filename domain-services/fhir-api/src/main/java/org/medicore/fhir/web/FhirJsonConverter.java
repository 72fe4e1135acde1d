package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes FHIR resources with HAPI's JSON parser, as {@code application/fhir+json} (or plain JSON when that is asked for). */
final class FhirJsonConverter extends AbstractHttpMessageConverter<IBaseResource> {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");

    private final FhirContext fhir;

    FhirJsonConverter(FhirContext fhir) {
        super(FHIR_JSON, MediaType.APPLICATION_JSON);
        this.fhir = fhir;
    }

    @Override
    protected boolean supports(Class<?> type) {
        return IBaseResource.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        // the API only reads: nothing is accepted in a request body
        return false;
    }

    @Override
    protected IBaseResource readInternal(Class<? extends IBaseResource> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("the FHIR API takes no request bodies", input);
    }

    @Override
    protected void writeInternal(IBaseResource resource, HttpOutputMessage output) throws java.io.IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        fhir.newJsonParser().encodeResourceToWriter(resource, writer);
        writer.flush();
    }
}
