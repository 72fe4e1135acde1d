package org.medicore.fhir.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medicore.fhir.resource.FhirJson;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Reads and writes FHIR resources with HAPI's JSON parser, as {@code application/fhir+json} (or plain
 * JSON). A body that is not a resource of the type the endpoint takes is unreadable (400 structure).
 */
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
    protected IBaseResource readInternal(Class<? extends IBaseResource> type, HttpInputMessage input) throws java.io.IOException {
        try {
            return fhir.newJsonParser().parseResource(type, new InputStreamReader(input.getBody(), StandardCharsets.UTF_8));
        } catch (DataFormatException unreadable) {
            throw new HttpMessageNotReadableException("the body is not a FHIR " + type.getSimpleName() + " in JSON: "
                    + unreadable.getMessage(), unreadable, input);
        }
    }

    @Override
    protected void writeInternal(IBaseResource resource, HttpOutputMessage output) throws java.io.IOException {
        Writer writer = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        writer.write(FhirJson.encode(resource));
        writer.flush();
    }
}
