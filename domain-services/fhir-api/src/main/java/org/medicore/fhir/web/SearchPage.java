package org.medicore.fhir.web;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.medicore.contracts.common.v1.PageInfo;
import org.medicore.contracts.common.v1.PageRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Set;

/**
 * Paging of a FHIR search over a service's pages: {@code _count} (1 to 100, default 20) is the
 * service's page size, and the service's opaque page token rides in the {@code next} link as
 * {@code _page_token}, so a client pages by following links only.
 */
final class SearchPage {

    static final String COUNT = "_count";
    static final String PAGE_TOKEN = "_page_token";
    private static final Set<String> PAGING = Set.of(COUNT, PAGE_TOKEN);
    private static final int DEFAULT_COUNT = 20;
    private static final int MAX_COUNT = 100;

    private SearchPage() {
    }

    /** The page asked for; any parameter but the paging ones and {@code served} is refused, so nothing is silently ignored. */
    static PageRequest of(Map<String, String> parameters, Set<String> served) {
        refuseUnknown(parameters, served, PAGING);
        int count = DEFAULT_COUNT;
        if (parameters.containsKey(COUNT)) {
            try {
                count = Integer.parseInt(parameters.get(COUNT));
            } catch (NumberFormatException notANumber) {
                count = 0;
            }
            if (count < 1 || count > MAX_COUNT) {
                throw new InvalidSearch(COUNT, "_count must be a whole number from 1 to " + MAX_COUNT);
            }
        }
        return PageRequest.newBuilder().setPageSize(count).setPageToken(parameters.getOrDefault(PAGE_TOKEN, "")).build();
    }

    /** Refuses a parameter the search doesn't serve (nor {@code alsoServed}), naming those it does. */
    static void refuseUnknown(Map<String, String> parameters, Set<String> served, Set<String> alsoServed) {
        parameters.keySet().stream().filter(name -> !served.contains(name) && !alsoServed.contains(name)).findFirst()
                .ifPresent(unknown -> {
                    throw new InvalidSearch(unknown, "the search parameter " + unknown + " is not served here; these are: "
                            + String.join(", ", served.stream().sorted().toList()));
                });
    }

    /** A searchset Bundle of one page: the resources found, the total when the service counts, {@code self} and {@code next} links. */
    static Bundle bundle(List<? extends Resource> found, PageInfo page) {
        Bundle bundle = searchset(found);
        if (page.getTotalSize() >= 0) {
            bundle.setTotal((int) page.getTotalSize());
        }
        bundle.addLink().setRelation("self").setUrl(currentSearch().build().encode().toUriString());
        if (!page.getNextPageToken().isEmpty()) {
            bundle.addLink().setRelation("next").setUrl(currentSearch()
                    .replaceQueryParam(PAGE_TOKEN, page.getNextPageToken()).build().encode().toUriString());
        }
        return bundle;
    }

    /** The search as it was asked, from its parameters (not the raw query string), so a link repeats exactly those. */
    static UriComponentsBuilder currentSearch() {
        UriComponentsBuilder search = ServletUriComponentsBuilder.fromCurrentRequestUri();
        if (RequestContextHolder.currentRequestAttributes() instanceof ServletRequestAttributes servlet) {
            servlet.getRequest().getParameterMap().forEach((name, values) -> search.queryParam(name, (Object[]) values));
        }
        return search;
    }

    /** A searchset Bundle of resources, each entry with its full URL on this server. */
    static Bundle searchset(List<? extends Resource> found) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path(FhirPaths.BASE).toUriString();
        for (Resource resource : found) {
            if (resource instanceof OperationOutcome outcome) {
                // a note of this answer, kept nowhere: R4 still wants an identity for every searchset entry
                bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(outcome)
                        .getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
            } else {
                bundle.addEntry().setFullUrl(base + "/" + resource.fhirType() + "/" + resource.getIdPart()).setResource(resource)
                        .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            }
        }
        return bundle;
    }
}
