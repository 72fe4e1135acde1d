package org.medicore.fhir.support;

import ca.uhn.fhir.context.FhirContext;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.hl7.fhir.convertors.loaders.loaderR5.NullLoaderKnowledgeProviderR5;
import org.hl7.fhir.convertors.loaders.loaderR5.R4ToR5Loader;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medicore.fhir.resource.FhirJson;
import org.hl7.fhir.r5.context.SimpleWorkerContext;
import org.hl7.fhir.r5.elementmodel.Manager.FhirFormat;
import org.hl7.fhir.r5.model.PackageInformation;
import org.hl7.fhir.utilities.ByteProvider;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.advisor.BasePolicyAdvisorForFullValidation;
import org.hl7.fhir.r5.utils.validation.constants.ReferenceValidationPolicy;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HL7 validator (org.hl7.fhir.validation) with the FHIR R4 core definitions of
 * hapi-fhir-validation-resources-r4: every StructureDefinition, ValueSet and CodeSystem of R4 4.0.1,
 * without a terminology server (none is reachable here; codes of external systems such as LOINC
 * and UCUM are therefore not checked against their systems, only FHIR's own). Loading takes
 * seconds, so one instance serves the whole test JVM.
 */
public final class R4CoreValidator {

    private static final String DEFINITIONS = "/org/hl7/fhir/r4/model/";
    private static final List<String> FILES = List.of("profile/profiles-types.xml", "profile/profiles-resources.xml",
            "valueset/valuesets.xml", "valueset/v3-codesystems.xml", "valueset/v2-tables.xml");
    private static final String RESOURCES = "profiles-resources.xml";
    private static final Set<String> CHECKED_RESOURCES = Set.of("Resource", "DomainResource", "Bundle", "OperationOutcome",
            "CapabilityStatement", "Patient", "Practitioner", "Observation", "Appointment", "Condition", "AllergyIntolerance",
            "MedicationStatement", "Binary", "Parameters", "Slot", "Schedule", "DiagnosticReport", "Account", "Invoice", "AuditEvent",
            // what their references may point to: the validator checks a reference's target against these
            "Group", "Device", "Location", "PractitionerRole", "RelatedPerson", "HealthcareService", "Organization");
    private static final Pattern ENTRY = Pattern.compile("<entry>.*?</entry>", Pattern.DOTALL);
    private static final Pattern STRUCTURE_DEFINITION = Pattern.compile("<fullUrl value=\"http://hl7.org/fhir/StructureDefinition/([A-Za-z]+)\"");
    private static final String V2_TABLES = "v2-tables.xml";
    private static final Pattern V2_CODE_SYSTEM = Pattern.compile("<fullUrl value=\"http://hl7.org/fhir/(?:CodeSystem|ValueSet)/(v2-\\d+)\"");
    private static final Set<String> V2_TABLES_USED = Set.of("v2-0131", "v2-0276", "v2-0074");
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private static final List<String> FINDINGS = new ArrayList<>();
    private static R4CoreValidator shared;

    private final SimpleWorkerContext definitions;

    private R4CoreValidator(SimpleWorkerContext definitions) {
        this.definitions = definitions;
    }

    public static synchronized R4CoreValidator shared() {
        if (shared == null) {
            long start = System.nanoTime();
            shared = new R4CoreValidator(load());
            System.out.printf("R4 core definitions loaded in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        }
        return shared;
    }

    /** Every finding for the resource as the module writes it (its JSON), information included. */
    public List<ValidationMessage> findings(IBaseResource resource) {
        return findings(FhirJson.encode(resource));
    }

    public synchronized List<ValidationMessage> findings(String json) {
        InstanceValidator validator = new InstanceValidator(definitions, null, null, new ValidatorSession(), new ValidatorSettings());
        validator.setAnyExtensionsAllowed(false);
        // references between the entries of a Bundle are followed and checked; one to a resource
        // outside what is validated can't be fetched here, so only its form is checked
        validator.setPolicyAdvisor(new BasePolicyAdvisorForFullValidation(ReferenceValidationPolicy.IGNORE, Set.of()));
        List<ValidationMessage> messages = new ArrayList<>();
        validator.validate(null, messages, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), FhirFormat.JSON);
        return messages;
    }

    /** Validates the resource (its JSON), records the findings for the summary, and fails on any error. */
    public static void assertNoErrors(String type, String json) {
        List<ValidationMessage> findings = shared().findings(json);
        record(type, findings);
        org.assertj.core.api.Assertions.assertThat(findings.stream().filter(R4CoreValidator::isError).map(R4CoreValidator::describe)
                .toList()).as(type + " " + json).isEmpty();
    }

    public static void assertNoErrors(IBaseResource resource) {
        assertNoErrors(resource.fhirType(), FhirJson.encode(resource));
    }

    public List<ValidationMessage> errors(IBaseResource resource) {
        return findings(resource).stream().filter(R4CoreValidator::isError).toList();
    }

    public List<ValidationMessage> errors(String json) {
        return findings(json).stream().filter(R4CoreValidator::isError).toList();
    }

    public static String describe(ValidationMessage message) {
        return message.getLevel() + " " + message.getLocation() + ": " + message.getMessage();
    }

    /**
     * Keeps the findings of a resource for the count the issue asks for (errors, and each warning
     * once): printed as each resource is validated, and summed up in
     * {@code target/fhir-validation-findings.txt} when the test JVM ends.
     */
    public static void record(String resourceType, List<ValidationMessage> findings) {
        synchronized (FINDINGS) {
            if (FINDINGS.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(R4CoreValidator::writeSummary));
            }
            FINDINGS.add(resourceType + ": " + findings.size());
            findings.forEach(finding -> FINDINGS.add(describe(finding)));
        }
        System.out.printf("validated %s: %d errors, %d warnings%n", resourceType, findings.stream().filter(R4CoreValidator::isError).count(),
                findings.stream().filter(finding -> finding.getLevel() == ValidationMessage.IssueSeverity.WARNING).count());
    }

    private static void writeSummary() {
        List<String> lines = new ArrayList<>();
        long resources = FINDINGS.stream().filter(line -> !line.startsWith("ERROR") && !line.startsWith("FATAL")
                && !line.startsWith("WARNING") && !line.startsWith("INFORMATION")).count();
        long errors = FINDINGS.stream().filter(line -> line.startsWith("ERROR") || line.startsWith("FATAL")).count();
        long warnings = FINDINGS.stream().filter(line -> line.startsWith("WARNING")).count();
        List<String> distinct = FINDINGS.stream().filter(line -> line.startsWith("WARNING")).distinct().toList();
        lines.add("FHIR R4 validation: %d resources, %d errors, %d warnings (%d distinct)".formatted(resources, errors, warnings, distinct.size()));
        distinct.forEach(warning -> lines.add("  " + warning));
        try {
            Files.write(Path.of("target", "fhir-validation-findings.txt"), lines);
        } catch (IOException unwritable) {
            lines.forEach(System.err::println);
        }
    }

    public static boolean isError(ValidationMessage message) {
        return message.getLevel() == ValidationMessage.IssueSeverity.ERROR
                || message.getLevel() == ValidationMessage.IssueSeverity.FATAL;
    }

    private static SimpleWorkerContext load() {
        try {
            R4ToR5Loader loader = new R4ToR5Loader(Set.of("StructureDefinition", "ValueSet", "CodeSystem"),
                    new NullLoaderKnowledgeProviderR5(), "4.0.1");
            SimpleWorkerContext context = new SimpleWorkerContext.SimpleWorkerContextBuilder().withDefaultParams().fromDefinitions(
                    Map.of("version.info", ByteProvider.forBytes("[FHIR]\nversion=4.0.1\n".getBytes(StandardCharsets.UTF_8))),
                    loader, new PackageInformation("hl7.fhir.r4.core", "4.0.1", "4.0.1", new Date()));
            // R4's value set and code system files both carry a few code systems (spdx-license, ...)
            context.setAllowLoadingDuplicates(true);
            for (String file : FILES) {
                try (InputStream in = R4CoreValidator.class.getResourceAsStream(DEFINITIONS + file)) {
                    String bundle = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    String definitions = file.endsWith(RESOURCES) ? only(bundle, STRUCTURE_DEFINITION, CHECKED_RESOURCES)
                            : file.endsWith(V2_TABLES) ? only(bundle, V2_CODE_SYSTEM, V2_TABLES_USED) : bundle;
                    context.loadFromFile(new ByteArrayInputStream(definitions.getBytes(StandardCharsets.UTF_8)), file, loader);
                }
            }
            try (InputStream ucum = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
                context.setUcumService(new UcumEssenceService(ucum));
            }
            context.setCanRunWithoutTerminology(true);
            context.setNoTerminologyServer(true);
            return context;
        } catch (IOException | UcumException e) {
            throw new IllegalStateException("the R4 core definitions could not be loaded", e);
        }
    }

    /**
     * The definitions the module's resources use out of all of R4's: the resources it writes, their
     * bases and what their references may point to, and the v2 tables it codes with. Converting all of R4's 150 resource definitions,
     * 1,400 search parameters and 700 v2 tables to the validator's R5 form takes most of a minute
     * on this machine, these a few seconds. Types, FHIR's own value sets and v3 are kept whole.
     */
    private static String only(String bundle, Pattern fullUrl, Set<String> wanted) {
        StringBuilder kept = new StringBuilder(bundle.substring(0, bundle.indexOf("<entry>")));
        Matcher entry = ENTRY.matcher(bundle);
        while (entry.find()) {
            Matcher url = fullUrl.matcher(entry.group());
            if (url.find() && wanted.contains(url.group(1))) {
                kept.append(entry.group());
            }
        }
        return kept.append("</Bundle>").toString();
    }
}
