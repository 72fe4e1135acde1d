package org.medicore.appointment.adapter.in;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medicore.appointment.support.GrpcClient;
import org.medicore.appointment.support.IntegrationTest;
import org.medicore.contracts.appointment.v1.AppointmentServiceGrpc.AppointmentServiceBlockingStub;
import org.medicore.contracts.appointment.v1.ListPractitionersRequest;
import org.medicore.contracts.appointment.v1.ListPractitionersResponse;
import org.medicore.contracts.appointment.v1.Practitioner;
import org.medicore.contracts.common.v1.PageRequest;
import org.medicore.localstack.TestTokens;
import org.springframework.boot.grpc.test.autoconfigure.LocalGrpcServerPort;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medicore.appointment.support.GrpcClient.statusOf;
import static org.medicore.appointment.support.PractitionerBuilder.aPractitioner;
import static org.medicore.support.grpc.RefusalDetails.violatedField;

/** ListPractitioners over a real port. Each test works in a clinic of its own, so the others' practitioners never match. */
class ListPractitionersTest extends IntegrationTest {

    @LocalGrpcServerPort
    int port;

    private GrpcClient client;
    private AppointmentServiceBlockingStub patient;
    private final String clinic = "clinic-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        client = new GrpcClient(port);
        patient = client.as(TestTokens.forSubject(UUID.randomUUID().toString(), "PATIENT"));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void practitioners_come_by_family_then_given_name_in_pages_that_neither_repeat_nor_skip() {
        for (String[] name : new String[][]{{"Anna", "Zeller"}, {"Otto", "Berg"}, {"Anna", "Berg"}, {"Lea", "Meyer"}, {"Tom", "Adams"}}) {
            created(aPractitioner().named(name[0], name[1]).atClinic(clinic));
        }
        var query = ListPractitionersRequest.newBuilder().setClinicId(clinic);

        var first = patient.listPractitioners(query.setPage(PageRequest.newBuilder().setPageSize(2)).build());
        var second = patient.listPractitioners(query.setPage(PageRequest.newBuilder().setPageSize(2)
                .setPageToken(first.getPageInfo().getNextPageToken())).build());
        var last = patient.listPractitioners(query.setPage(PageRequest.newBuilder().setPageSize(2)
                .setPageToken(second.getPageInfo().getNextPageToken())).build());

        assertThat(names(first)).containsExactly("Tom Adams", "Anna Berg");
        assertThat(names(second)).containsExactly("Otto Berg", "Lea Meyer");
        assertThat(names(last)).containsExactly("Anna Zeller");
        assertThat(last.getPageInfo().getNextPageToken()).isEmpty();
        assertThat(first.getPageInfo().getTotalSize()).isEqualTo(5);
        assertThat(last.getPageInfo().getTotalSize()).isEqualTo(5);
    }

    @Test
    void filters_combine_with_and_and_an_empty_filter_matches_any() {
        created(aPractitioner().named("Ada", "Cardio").atClinic(clinic).specialisedIn("Cardiology").inDepartment("Internal Medicine"));
        created(aPractitioner().named("Ben", "Derma").atClinic(clinic).specialisedIn("Dermatology").inDepartment("Internal Medicine"));
        created(aPractitioner().named("Cem", "Surgeon").atClinic(clinic).specialisedIn("Cardiology").inDepartment("Surgery"));

        var wholeClinic = patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic).build());
        var cardiologists = patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setSpecialty("Cardiology").build());
        var cardiologistsInSurgery = patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setSpecialty("Cardiology").setDepartment("Surgery").build());
        var noOne = patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setDepartment("Radiology").build());

        assertThat(names(wholeClinic)).containsExactly("Ada Cardio", "Ben Derma", "Cem Surgeon");
        assertThat(wholeClinic.getPractitioners(0).getTimeZone()).isEqualTo("Europe/Berlin");
        assertThat(names(cardiologists)).containsExactly("Ada Cardio", "Cem Surgeon");
        assertThat(names(cardiologistsInSurgery)).containsExactly("Cem Surgeon");
        assertThat(noOne.getPractitionersList()).isEmpty();
        assertThat(noOne.getPageInfo().getTotalSize()).isZero();
        assertThat(noOne.getPageInfo().getNextPageToken()).isEmpty();
    }

    @Test
    void a_page_token_continues_only_the_query_it_came_from() {
        created(aPractitioner().named("Ada", "One").atClinic(clinic));
        created(aPractitioner().named("Ben", "Two").atClinic(clinic));
        String token = patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setPage(PageRequest.newBuilder().setPageSize(1)).build()).getPageInfo().getNextPageToken();

        var otherQuery = statusOf(() -> patient.listPractitioners(ListPractitionersRequest.newBuilder()
                .setClinicId(clinic).setSpecialty("Cardiology")
                .setPage(PageRequest.newBuilder().setPageSize(1).setPageToken(token)).build()));
        var garbage = statusOf(() -> patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setPage(PageRequest.newBuilder().setPageToken("not-a-token")).build()));

        assertThat(token).isNotEmpty();
        assertThat(violatedField(otherQuery)).isEqualTo("page.page_token");
        assertThat(violatedField(garbage)).isEqualTo("page.page_token");
    }

    @Test
    void a_negative_page_size_or_a_token_of_the_earlier_format_is_refused_on_its_field() {
        var negative = statusOf(() -> patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setPage(PageRequest.newBuilder().setPageSize(-1)).build()));
        String earlierFormat = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("1:0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var earlier = statusOf(() -> patient.listPractitioners(ListPractitionersRequest.newBuilder().setClinicId(clinic)
                .setPage(PageRequest.newBuilder().setPageToken(earlierFormat)).build()));

        assertThat(violatedField(negative)).isEqualTo("page.page_size");
        assertThat(violatedField(earlier)).isEqualTo("page.page_token");
    }

    private static List<String> names(ListPractitionersResponse page) {
        return page.getPractitionersList().stream().map(Practitioner::getName)
                .map(name -> name.getGiven() + " " + name.getFamily()).toList();
    }
}
