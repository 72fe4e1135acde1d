package org.medicore.bff.record;

import graphql.GraphQLContext;
import org.medicore.bff.grpc.Caller;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** A patient's record in FHIR, for the patient to keep ("Download my record" on the portal). */
@Controller
class RecordController {

    private final FhirApiRecords records;

    RecordController(FhirApiRecords records) {
        this.records = records;
    }

    @QueryMapping
    String fhirRecord(@Argument String patientId, GraphQLContext context) {
        return records.everything(patientId, Caller.of(context));
    }
}
