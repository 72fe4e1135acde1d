package org.medicore.bff.billing;

import java.util.List;

/** What {@code Patient.invoices(statuses, first)} asks for one patient; the loader batches keys alike. */
record PatientInvoicesKey(String patientId, List<String> statuses, int first) {
}
