// The portal's day in a real browser, against the whole system (started by PortalInTheBrowserTest):
// a patient signs up, books and uploads a lab report; the doctor sees the booking live and completes
// it; billing records the payment; the admin dashboard moves. Each step is reported as passed or
// failed; every screen is checked by axe-core and photographed at a desktop's and a phone's width
// (into $SCREENSHOTS), and any axe violation fails its step.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DESKTOP, PHONE, firstScreen, launchChromium, signIn } from './browser.mjs';

// The portal's CSP allows scripts from the portal only, so axe cannot come in as a script tag
// (page.addScriptTag inlines it); evaluated through the DevTools protocol, which no CSP governs.
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [{ width: 1280, height: 900 }, { width: 390, height: 844 }];

const PORTAL = required('PORTAL_URL');
const PDF = required('LAB_REPORT_PDF');
const SCREENSHOTS = required('SCREENSHOTS');
const RESULTS = required('RESULTS');
// The zone the portal shows the clinic's days in (the test system's, not always Europe/Berlin).
const CLINIC_ZONE = required('CLINIC_ZONE');
const LIVE = 90_000;

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const steps = [];
let failed = false;

async function step(name, pages, run) {
  if (failed) {
    steps.push({ name, outcome: 'skipped' });
    console.log(`- ${name}: skipped`);
    return;
  }
  const began = Date.now();
  try {
    await run();
    steps.push({ name, outcome: 'passed' });
    console.log(`✓ ${name} (${((Date.now() - began) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed = true;
    steps.push({ name, outcome: 'failed', error: String(error) });
    console.log(`✗ ${name}: ${error.stack ?? error}`);
    for (const [who, page] of Object.entries(pages)) {
      await page.screenshot({ path: join(SCREENSHOTS, `failed-${who}.png`), fullPage: true }).catch(() => {});
    }
  }
}

/** axe-core's WCAG 2.x A/AA and best-practice rules over the whole page as it is now, in words. */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('; ')}`);
  });
  return violations;
}

/**
 * The screen as it is now at both widths: axe over each, and a photograph of each. The page
 * goes back to its own size after; a violation at either width fails the step.
 */
async function shoot(page, name) {
  const own = page.viewportSize();
  const found = [];
  try {
    for (const size of WIDTHS) {
      await page.setViewportSize(size);
      // Two frames: the layout for the new width is done before axe measures it.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
      found.push(...(await axeViolations(page)).map((violation) => `at ${size.width} px: ${violation}`));
    }
  } finally {
    await page.setViewportSize(own);
  }
  axeChecked += 1;
  // Kept, not thrown: one run names every screen's violations; any of them fails the run at its end.
  for (const violation of found) {
    axeFound.push(`${name} ${violation}`);
    console.log(`  [axe] ${name} ${violation}`);
  }
}
let axeChecked = 0;
const axeFound = [];


// Only this run's screenshots, so an old failure's never passes for this one's.
rmSync(SCREENSHOTS, { recursive: true, force: true });
mkdirSync(SCREENSHOTS, { recursive: true });
const browser = await launchChromium();
const admin = await (await browser.newContext(DESKTOP)).newPage();
const doctor = await (await browser.newContext(DESKTOP)).newPage();
// The patient uses a phone: the portal must work on a phone-sized screen.
const patient = await (await browser.newContext(PHONE)).newPage();
const billing = await (await browser.newContext(DESKTOP)).newPage();
const pages = { admin, doctor, patient, billing };
// What the browser saw go wrong goes into the story, so a failure can be read without a rerun.
for (const [who, page] of Object.entries(pages)) {
  page.on('console', (message) => message.type() === 'error' && console.log(`  [${who} console] ${message.text()}`));
  page.on('pageerror', (error) => console.log(`  [${who} page error] ${error.stack ?? error}`));
  page.on('response', async (response) => {
    if (response.status() >= 400) {
      const body = await response.text().catch(() => '');
      console.log(`  [${who}] ${response.status()} ${response.request().method()} ${response.url()} ${body.slice(0, 500)}`);
    }
  });
}

const family = required('PATIENT_FAMILY_NAME');
const email = `${family.toLowerCase()}@example.org`;
const password = 'a-long-enough-password';
let bookingsBefore = 0;

async function chooseTheDoctorsFirstFreeSlot(page = patient) {
  await page.getByRole('link', { name: 'Book an appointment' }).click();
  await page.getByLabel('Practitioner').selectOption({ label: 'Gregory Doctor, General practice (General medicine)' });
  // The days are one Tab stop and the times another; arrows move within them (Vitest tests the keys).
  const firstSlot = page.getByRole('radiogroup', { name: /^Free times on \w/ }).getByRole('radio').first();
  await firstSlot.waitFor();
  await firstSlot.click();
}

/** The service refused what the form let through: its sentence (from the catalogue) stands on that field. */
async function refusedOn(page, label, sentence) {
  await page.getByText(sentence).first().waitFor();
  const field = page.getByLabel(label);
  if ((await field.getAttribute('aria-invalid')) !== 'true') throw new Error(`the field ${label} is not marked invalid`);
  const described = await field.evaluate((element) => (element.getAttribute('aria-describedby') ?? '').split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
  if (!described.includes(typeof sentence === 'string' ? sentence : '') && !(sentence instanceof RegExp && sentence.test(described))) {
    throw new Error(`the field ${label} says "${described}", not "${sentence}"`);
  }
}

const bookingsShown = async () => {
  const figure = admin.getByTestId('bookings-last-hour');
  return (await figure.count()) ? Number(await figure.textContent()) : 0;
};

const firstScreens = {};
await step('a newcomer\'s first screen is measured at both widths', pages, async () => {
  firstScreens.desktop = await firstScreen(browser, PORTAL, DESKTOP, false);
  firstScreens.phoneThrottled = await firstScreen(browser, PORTAL, PHONE, true);
  for (const [where, figures] of Object.entries(firstScreens)) console.log(`  first screen (${where}): ${JSON.stringify(figures)}`);
});

await step('the admin opens the live dashboard', pages, async () => {
  await signIn(admin, PORTAL, 'admin', 'admin-password');
  await admin.getByRole('heading', { name: 'Dashboard' }).waitFor();
  await admin.getByTestId('bookings-last-hour').or(admin.getByText('No bookings yet')).waitFor();
  bookingsBefore = await bookingsShown();
  await shoot(admin, '01-admin-dashboard-before');
});

await step("the doctor opens today's schedule", pages, async () => {
  await signIn(doctor, PORTAL, 'doctor', 'doctor-password');
  await doctor.getByRole('heading', { name: "Today's schedule" }).waitFor();
  await doctor.getByText('Updates live.').waitFor();
  await shoot(doctor, '02-doctor-schedule-before');
});

await step('a new patient signing up sees the field errors beside the fields', pages, async () => {
  await patient.goto(PORTAL);
  await patient.getByRole('button', { name: 'New patient? Sign up' }).click();
  // Nothing filled in: the portal names the missing fields itself, in sentences, and sends nothing.
  await patient.getByRole('button', { name: 'Create my account' }).click();
  await patient.getByText('Enter your date of birth.').waitFor();
  if (await patient.getByText(/Variable|invalid value|Date:/).count()) throw new Error('GraphQL wording reached the sign-up form');
  await patient.getByLabel('Given name').fill('Erika');
  await patient.getByLabel('Family name').fill(family);
  // Values the form lets through and the server refuses, all in one request: each refusal on its own field.
  await patient.getByLabel('Date of birth').fill('2999-01-01');
  // exact: the consent's "By e-mail" holds the word too.
  await patient.getByLabel('E-mail', { exact: true }).fill(`${family.toLowerCase()}@localhost`);
  await patient.getByLabel('Phone').fill('+49 30 1234567');
  await patient.getByLabel('Password').fill('short');
  await patient.getByRole('button', { name: 'Create my account' }).click();
  await patient.getByText(/at least 12 characters/).waitFor();
  for (const label of ['Date of birth', 'E-mail', 'Password']) {
    if ((await patient.getByLabel(label, { exact: true }).getAttribute('aria-invalid')) !== 'true') throw new Error(`the refusal of ${label} is not on its field`);
  }
  await shoot(patient, '03-patient-sign-up-field-errors');
  await patient.getByLabel('Date of birth').fill('1990-05-17');
  await patient.getByLabel('E-mail', { exact: true }).fill(email);
});

await step('the patient signs up and signs in', pages, async () => {
  await patient.getByLabel('Password').fill(password);
  // Consent is asked, unticked: the patient agrees to e-mail only; it is stored once they have signed in.
  if (await patient.getByRole('checkbox', { checked: true }).count()) throw new Error('a consent was ticked before the patient ticked it');
  await patient.getByRole('checkbox', { name: 'By e-mail' }).check();
  await patient.getByRole('button', { name: 'Create my account' }).click();
  await patient.getByText('Your account is ready').waitFor();
  await patient.getByText('Your choice of messages is saved when you sign in for the first time.').waitFor();
  await shoot(patient, '04-patient-signed-up');
  await patient.getByRole('button', { name: 'Sign in' }).click();
  await patient.locator('#username').fill(email);
  await patient.locator('#password').fill(password);
  await patient.locator('#kc-login').click();
  await patient.getByRole('heading', { name: 'My profile' }).waitFor();
  await patient.getByText(`Erika ${family}`).waitFor();
  // The phone number as written went out, and is kept, in E.164.
  await patient.getByText('+49301234567').waitFor();
  await shoot(patient, '05-patient-profile');
});

await step('the patient changes their contact details; a refused country stands beside its field', pages, async () => {
  await patient.getByRole('link', { name: 'My profile' }).click();
  await patient.getByRole('button', { name: 'Change contact details' }).click();
  await patient.getByLabel('Phone').fill('030 7654321');
  await patient.getByLabel('Street and number').fill('Invalidenstraße 1');
  await patient.getByLabel('Postal code').fill('10115');
  await patient.getByLabel('City').fill('Berlin');
  await patient.getByLabel(/^Country/).fill('Deutschland');
  await patient.getByRole('button', { name: 'Save' }).click();
  await patient.getByText('Enter the country as its two-letter code, such as DE.').waitFor();
  await patient.getByLabel(/^Country/).fill('DE');
  // An address the form lets through but patient-service refuses: its sentence on the E-mail field.
  await patient.getByLabel('E-mail').fill(`${family.toLowerCase()}@localhost`);
  await patient.getByRole('button', { name: 'Save' }).click();
  await refusedOn(patient, 'E-mail', 'Enter an e-mail address such as name@example.org.');
  await patient.getByLabel('E-mail').fill(email);
  await patient.getByRole('button', { name: 'Save' }).click();
  await patient.getByText('Your contact details are saved.').waitFor();
  await patient.getByText('+49307654321').waitFor();
  await shoot(patient, '05b-patient-profile-edited');
});

await step('the patient finds the consent given at sign-up, adds text messages and moves the quiet hours', pages, async () => {
  await patient.getByRole('link', { name: 'Messages' }).click();
  const choices = patient.getByRole('region', { name: 'How the clinic writes to you' });
  const email = choices.getByRole('checkbox', { name: 'By e-mail' });
  await email.waitFor();
  if (!(await email.isChecked())) throw new Error("the consent given at sign-up was not stored on the patient's first sign-in");
  await choices.getByRole('checkbox', { name: 'By text message (SMS)' }).check();
  await choices.getByLabel('Quiet from').fill('22:30');
  await choices.getByLabel('Quiet until').fill('07:15');
  await choices.getByRole('button', { name: 'Save my choices' }).click();
  await choices.getByText('Your choices are saved.').waitFor();
  await shoot(patient, '05c-patient-message-preferences');
  // Read again from notification-service, not from the form.
  await patient.reload();
  await choices.getByRole('checkbox', { name: 'By text message (SMS)' }).waitFor();
  if (!(await choices.getByRole('checkbox', { name: 'By text message (SMS)' }).isChecked())) throw new Error('the consent to text messages was not kept');
  const quiet = [await choices.getByLabel('Quiet from').inputValue(), await choices.getByLabel('Quiet until').inputValue()];
  if (quiet.join('-') !== '22:30-07:15') throw new Error(`the quiet hours kept are ${quiet.join('-')}`);
});

await step('the patient books the first free slot with the doctor', pages, async () => {
  await chooseTheDoctorsFirstFreeSlot();
  await shoot(patient, '06-patient-book-calendar');
  // A reason longer than appointment-service keeps: refused there, said on the Reason field.
  await patient.getByLabel('Reason (optional)').fill('x'.repeat(501));
  await patient.getByRole('button', { name: 'Confirm booking' }).click();
  await refusedOn(patient, 'Reason (optional)', 'Keep the reason under 500 characters.');
  await patient.getByLabel('Reason (optional)').fill('check-up');
  await patient.getByRole('button', { name: 'Confirm booking' }).click();
  await patient.getByText(/^Booked: consultation with Gregory Doctor/).waitFor();
  const calendar = decodeURIComponent((await patient.getByRole('link', { name: 'Add to my calendar' }).getAttribute('href')).split(',')[1]);
  if (!/BEGIN:VEVENT[\s\S]*DTSTART:\d{8}T\d{6}Z/.test(calendar)) throw new Error(`not a calendar file: ${calendar}`);
  await shoot(patient, '07-patient-booked');
});

await step('the doctor sees the booking appear live', pages, async () => {
  await doctor.getByRole('link', { name: `Erika ${family}` }).waitFor({ timeout: LIVE });
  await shoot(doctor, '08-doctor-schedule-live');
});

await step('the admin dashboard counts the booking', pages, async () => {
  const deadline = Date.now() + LIVE;
  while ((await bookingsShown()) <= bookingsBefore) {
    if (Date.now() > deadline) throw new Error(`the dashboard still shows ${await bookingsShown()} bookings`);
    await admin.waitForTimeout(1000);
  }
  await shoot(admin, '09-admin-dashboard-after');
});

await step('the admin reads the audit trail of the new patient, today, and the chain is whole', pages, async () => {
  await admin.getByRole('link', { name: 'Audit trail' }).click();
  await admin.getByText(/The chain of all \d+ records is whole/).waitFor();
  await admin.getByRole('button', { name: 'Choose a patient' }).click();
  await admin.getByLabel('Family name starts with').fill(family);
  await admin.getByRole('button', { name: new RegExp(`^${family}, Erika`) }).click();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: CLINIC_ZONE }).format(new Date());
  await admin.getByLabel('From').fill(today);
  await admin.getByLabel('To (included)').fill(today);
  await admin.getByRole('button', { name: 'Show' }).click();
  await admin.getByRole('list', { name: 'Accesses, newest first' }).getByText(/change · allowed/).first().waitFor();
  await shoot(admin, '09b-admin-audit');
});

await step('the patient uploads a lab report and follows its status live', pages, async () => {
  await patient.getByRole('link', { name: 'Upload a lab report' }).click();
  // The picker is a button; a file of another kind chosen anyway is refused in words.
  const picker = patient.getByRole('button', { name: /^Choose a PDF file/ });
  const chooseFile = async (file) => {
    const [chooser] = await Promise.all([patient.waitForEvent('filechooser'), picker.click()]);
    await chooser.setFiles(file);
  };
  await chooseFile({ name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.from('not a report') });
  await patient.getByText('“holiday.png” is not a PDF.', { exact: false }).waitFor();
  await shoot(patient, '10a-patient-lab-report-not-a-pdf');
  // A PDF whose name lab-processor will not keep: refused there, said beside the picker.
  await chooseFile({ name: `${'r'.repeat(260)}.pdf`, mimeType: 'application/pdf', buffer: readFileSync(PDF) });
  await patient.getByRole('button', { name: 'Upload' }).click();
  await patient.getByText('Choose a PDF file of at most 10 MiB whose name has at most 255 characters.').waitFor();
  await chooseFile(PDF);
  await patient.getByText(/^Chosen: /).waitFor();
  await patient.getByRole('button', { name: 'Upload' }).click();
  await patient.locator('#upload-progress').waitFor();
  await patient.getByTestId('report-status').filter({ hasText: /^read$/ }).waitFor({ timeout: LIVE });
  await shoot(patient, '10-patient-lab-report-read');
});

await step('the patient sees results out of range highlighted and a chart over time', pages, async () => {
  await patient.getByRole('link', { name: 'See my lab results' }).click();
  await patient.getByRole('heading', { name: 'My lab results' }).waitFor();
  await patient.getByText('out of range').first().waitFor();
  await patient.getByRole('figure').waitFor();
  await shoot(patient, '11-patient-lab-results');
});

await step("the patient downloads the report's PDF from their lab results", pages, async () => {
  const report = patient.getByRole('region', { name: 'Lab reports' }).getByRole('listitem').first();
  await report.getByText(/read$/).waitFor();
  // The portal asks the BFF for the link on the click and opens it in a new tab. Headless Chromium may
  // hand a PDF tab to its download manager instead of showing it, so the story takes the link the
  // portal opens and fetches it as that tab would: without a cookie or a token.
  await patient.evaluate(() => {
    const own = window.open;
    window.openedLink = new Promise((resolve) => {
      window.open = (url) => {
        window.open = own;
        resolve(String(url));
        return null;
      };
    });
  });
  await report.getByRole('button', { name: /^Download PDF: / }).click();
  const link = await patient.evaluate(() => window.openedLink);
  const response = await fetch(link);
  if (response.status !== 200) throw new Error(`the PDF's link answered ${response.status}`);
  const type = response.headers.get('content-type');
  if (type !== 'application/pdf') throw new Error(`the PDF's link answered ${type}, not application/pdf`);
  const file = Buffer.from(await response.arrayBuffer());
  if (file.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('the file handed out is not a PDF');
  if (!file.equals(readFileSync(PDF))) throw new Error('the PDF handed out is not the one uploaded');
});

await step('the patient downloads their whole record as a FHIR file', pages, async () => {
  await patient.getByRole('link', { name: 'My profile' }).click();
  const [download] = await Promise.all([
    patient.waitForEvent('download'),
    patient.getByRole('button', { name: 'Download my record' }).click(),
  ]);
  if (!/^medicore-record-\d{4}-\d{2}-\d{2}\.json$/.test(download.suggestedFilename())) {
    throw new Error(`the record was saved as ${download.suggestedFilename()}`);
  }
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const types = new Set((bundle.entry ?? []).map((entry) => entry.resource?.resourceType));
  if (bundle.resourceType !== 'Bundle') throw new Error(`the file holds a ${bundle.resourceType}, not a Bundle`);
  for (const type of ['Patient', 'Appointment', 'Observation']) {
    if (!types.has(type)) throw new Error(`the record has no ${type}: ${[...types].join(', ')}`);
  }
  if (!JSON.stringify(bundle).includes(family)) throw new Error("the record is not the patient's own");
  await patient.getByText('Your record is saved as a .json file').waitFor();
  await shoot(patient, '11b-patient-record-downloaded');
});

await step('the patient sees their appointments and invoices', pages, async () => {
  await patient.getByRole('link', { name: 'My appointments', exact: true }).click();
  // Still upcoming (with its Reschedule) or, on a slow run, begun already and listed with the past visits.
  await patient.getByRole('button', { name: 'Reschedule' }).first()
    .or(patient.getByRole('region', { name: 'Past visits' }).getByText(/with Gregory Doctor/).first()).waitFor();
  await shoot(patient, '12-patient-appointments');
  await patient.getByRole('link', { name: 'My invoices' }).click();
  await patient.getByRole('heading', { name: 'My invoices' }).waitFor();
  await patient.getByText(/No invoices yet|still to pay/i).first().waitFor();
  await shoot(patient, '13-patient-invoices');
});

await step('the patient sees past visits beside the upcoming ones', pages, async () => {
  await patient.getByRole('link', { name: 'My appointments', exact: true }).click();
  const past = patient.getByRole('region', { name: 'Past visits' });
  await past.getByText(/completed|cancelled|booked|No past visits yet/).first().waitFor();
  await shoot(patient, '13b-patient-past-visits');
});

await step('the doctor checks the patient in and completes the visit once it has begun', pages, async () => {
  const visit = doctor.getByRole('listitem').filter({ hasText: `Erika ${family}` });
  await visit.getByRole('button', { name: 'Check in' }).click();
  await visit.getByText('checked in').waitFor();
  const deadline = Date.now() + 4 * 60_000;
  for (;;) {
    await visit.getByRole('button', { name: 'Complete' }).click();
    try {
      await visit.getByText('completed').waitFor({ timeout: 5000 });
      break;
    } catch (notYet) {
      if (Date.now() > deadline) throw notYet;
      await doctor.waitForTimeout(10_000);
    }
  }
  await shoot(doctor, '14-doctor-completed');
});

await step("the doctor adds to the patient's history in their chart", pages, async () => {
  await doctor.getByRole('link', { name: `Erika ${family}` }).click();
  await doctor.getByRole('heading', { name: `Erika ${family}` }).waitFor();
  await doctor.getByLabel('Entry', { exact: true }).fill('Seen for a routine check');
  await doctor.getByRole('button', { name: 'Add to history' }).click();
  await doctor.getByText(/note: Seen for a routine check/).waitFor();
  // An allergy needs its severity: asked before sending, then recorded.
  await doctor.getByLabel('Kind of entry').selectOption('ALLERGY');
  await doctor.getByLabel('Substance').fill('Penicillin');
  await doctor.getByRole('button', { name: 'Add to history' }).click();
  await doctor.getByText('Choose how severe the allergy is.').waitFor();
  await doctor.getByLabel('Severity').selectOption('SEVERE');
  // A substance longer than patient-service keeps: refused there, said on the entry's field.
  await doctor.getByLabel('Substance').fill('P'.repeat(501));
  await doctor.getByRole('button', { name: 'Add to history' }).click();
  await refusedOn(doctor, 'Substance', 'Write the entry in plain words, and shorter.');
  await doctor.getByLabel('Substance').fill('Penicillin');
  await doctor.getByRole('button', { name: 'Add to history' }).click();
  await doctor.getByText(/allergy: Penicillin/).waitFor();
  await shoot(doctor, '15-doctor-patient-chart');
});

await step('billing sees the invoice on the worklist of every patient', pages, async () => {
  await signIn(billing, PORTAL, 'billing', 'billing-password');
  const deadline = Date.now() + LIVE;
  for (;;) {
    try {
      await billing
        .getByRole('list', { name: 'Invoices with a balance due, the earliest due first' })
        .getByText(`${family}, Erika`)
        .first()
        .waitFor({ timeout: 5000 });
      break;
    } catch (notYet) {
      if (Date.now() > deadline) throw notYet;
      await billing.reload();
    }
  }
  await shoot(billing, '16-billing-worklist');
});

await step('billing finds the invoice and records its payment', pages, async () => {
  const deadline = Date.now() + LIVE;
  for (;;) {
    await billing.getByLabel('Family name starts with').fill(family);
    await billing.getByRole('button', { name: new RegExp(`^${family}, Erika`) }).click();
    try {
      await billing.getByTestId('balance-due').first().waitFor({ timeout: 5000 });
      break;
    } catch (notYet) {
      if (Date.now() > deadline) throw notYet;
      await billing.reload();
    }
  }
  await shoot(billing, '16-billing-invoices');
  await billing.getByLabel(/^Amount/).fill('abc');
  await billing.getByRole('button', { name: 'Record payment' }).click();
  await billing.getByText('Enter an amount above zero, such as 12.50.').waitFor();
  const due = (await billing.getByTestId('balance-due').first().textContent()).replace(/[^0-9.]/g, '');
  // More than is due: billing-service refuses it, and the refusal stands on the Amount field.
  await billing.getByLabel(/^Amount/).fill((Number(due) + 100).toFixed(2));
  await billing.getByRole('button', { name: 'Record payment' }).click();
  await refusedOn(billing, /^Amount/, 'The amount is more than is still due on the invoice.');
  await billing.getByLabel(/^Amount/).fill(due);
  await billing.getByRole('button', { name: 'Record payment' }).click();
  await billing.getByText(/^Receipt for .* paid by card/).waitFor();
  await billing.getByRole('region', { name: 'Payment history' }).getByRole('cell', { name: 'card' }).first().waitFor();
  await billing.getByText('No invoices in these statuses.').waitFor();
  await billing.getByLabel('paid', { exact: true }).check();
  await billing.getByRole('listitem').getByText(/^paid$/).first().waitFor();
  await shoot(billing, '17-billing-paid');
});

await step('billing reads the fee schedule', pages, async () => {
  await billing.getByRole('link', { name: 'Fee schedule' }).click();
  await billing.getByRole('cell', { name: 'consultation' }).waitFor();
  await shoot(billing, '18-billing-fee-schedule');
});

await step("billing's worklist shows only the overdue invoices when asked", pages, async () => {
  await billing.getByRole('link', { name: 'Invoices' }).click();
  await billing.getByLabel('Overdue only').check();
  await billing
    .getByRole('list', { name: 'Invoices with a balance due, the earliest due first' })
    .or(billing.getByText('No invoice is overdue.'))
    .waitFor();
  await shoot(billing, '16b-billing-worklist-overdue');
  await billing.getByRole('link', { name: 'Fee schedule' }).click();
  await billing.getByRole('cell', { name: 'consultation' }).waitFor();
});

await step('a second tab of the patient shares the session', pages, async () => {
  const second = await patient.context().newPage();
  pages.patientSecondTab = second;
  await second.goto(`${PORTAL}/invoices`);
  await second.getByRole('heading', { name: 'My invoices' }).waitFor();
});

await step('a change made in another tab meanwhile is shown before anything is overwritten', pages, async () => {
  const other = pages.patientSecondTab;
  await other.goto(`${PORTAL}/me`);
  await other.getByRole('button', { name: 'Change contact details' }).click();
  await patient.getByRole('link', { name: 'My profile' }).click();
  await patient.getByRole('button', { name: 'Change contact details' }).click();
  await patient.getByLabel('City').fill('Potsdam');
  await patient.getByRole('button', { name: 'Save' }).click();
  await patient.getByText('Your contact details are saved.').waitFor();
  await other.getByLabel('City').fill('Hamburg');
  await other.getByRole('button', { name: 'Save' }).click();
  await other.getByText(/changed elsewhere/).waitFor();
  await other.getByRole('alert').getByText(/Potsdam/).waitFor();
  await other.getByRole('button', { name: 'Take these details' }).click();
  await shoot(other, '05c-profile-conflict');
});

await step('rescheduling says what it costs; a time taken meanwhile is refused on the new time, another one is moved to', pages, async () => {
  await chooseTheDoctorsFirstFreeSlot();
  await patient.getByRole('button', { name: 'Confirm booking' }).click();
  await patient.getByText(/^Booked:/).waitFor();
  await patient.getByRole('link', { name: 'My appointments', exact: true }).click();
  await patient.getByRole('button', { name: 'Reschedule' }).first().click();
  await patient.getByTestId('reschedule-fee').getByText(/^Moving the appointment costs nothing/).waitFor();
  const times = () => patient.getByRole('radiogroup', { name: /^Free times on \w/ }).getByRole('radio');
  await times().first().click();
  // The other tab takes that very time before this one sends the move.
  await chooseTheDoctorsFirstFreeSlot(pages.patientSecondTab);
  await pages.patientSecondTab.getByRole('button', { name: 'Confirm booking' }).click();
  await pages.patientSecondTab.getByText(/^Booked:/).waitFor();
  await patient.getByRole('button', { name: 'Move it there' }).click();
  await patient.getByText(/(That time has just been taken|You already have an appointment at that time)\. Choose another\./).waitFor();
  await shoot(patient, '18b-patient-reschedule-refused');
  await times().nth(1).click();
  await patient.getByRole('button', { name: 'Move it there' }).click();
  await patient.getByText(/is moved from .* to /).waitFor();
  await shoot(patient, '18c-patient-rescheduled');
});

await step('cancelling within the notice period names the fee first, then confirms it and invoices it with its line', pages, async () => {
  await chooseTheDoctorsFirstFreeSlot();
  await patient.getByRole('button', { name: 'Confirm booking' }).click();
  await patient.getByText(/^Booked:/).waitFor();
  await patient.getByRole('link', { name: 'My appointments', exact: true }).click();
  await patient.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await patient.getByTestId('cancellation-fee').getByText(/^Cancelling now costs a late cancellation fee of/).waitFor();
  await shoot(patient, '19-patient-cancel-fee');
  await patient.getByRole('button', { name: /^Cancel and pay/ }).click();
  await patient.getByText('Say in a few words why you cancel: the practice reads it.').waitFor();
  await patient.getByLabel('Why do you cancel?').fill('a meeting at work');
  await patient.getByRole('button', { name: /^Cancel and pay/ }).click();
  await patient.getByText(/is cancelled\. A late cancellation fee of .* will be invoiced\./).waitFor();
  await shoot(patient, '20-patient-cancelled');
  const deadline = Date.now() + LIVE;
  for (;;) {
    await patient.getByRole('link', { name: 'My invoices' }).click();
    try {
      await patient.getByText('Charged for a late cancellation').first().waitFor({ timeout: 5000 });
      break;
    } catch (notYet) {
      if (Date.now() > deadline) throw notYet;
      await patient.reload();
    }
  }
  await patient.getByRole('list', { name: 'Lines' }).getByText(/Late cancellation/).first().waitFor();
  await shoot(patient, '21-patient-invoice-lines');
});

await step('an expired session is renewed or ended in words, and signing in again returns to the same page', pages, async () => {
  // What a browser left overnight holds: tokens neither the BFF nor Keycloak accept any more.
  await billing.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('oidc.user:'));
    const user = JSON.parse(localStorage.getItem(key));
    localStorage.setItem(key, JSON.stringify({ ...user, access_token: 'expired', refresh_token: 'revoked' }));
  });
  await billing.reload();
  await billing.getByText('Your session has ended: sign in again.', { exact: false }).waitFor();
  await shoot(billing, '22-billing-session-ended');
  await billing.getByRole('button', { name: 'Sign in' }).click();
  await billing.getByRole('heading', { name: 'Fee schedule' }).waitFor();
  if (!billing.url().endsWith('/fee-schedule')) throw new Error(`signed in again at ${billing.url()}`);
});

await step('the patient reads the portal in German on the phone, then in English again', pages, async () => {
  await patient.getByLabel('Language').selectOption('de');
  await patient.getByRole('link', { name: 'Meine Termine' }).click();
  await patient.getByRole('heading', { name: 'Meine Termine' }).waitFor();
  await shoot(patient, '22b-patient-german');
  await patient.getByRole('link', { name: 'Mein Profil' }).click();
  await patient.getByLabel('Portal und Nachrichten auf').selectOption('de');
  await patient.getByRole('button', { name: 'Sprache speichern' }).click();
  await patient.getByText('Ihre Sprache ist gespeichert.').waitFor();
  // The header's choice: its label holds its options' names too, and no other label begins so.
  await patient.getByLabel(/^Sprache/).selectOption('en');
  await patient.getByRole('heading', { name: 'My profile' }).waitFor();
});

await step('signing out in one tab ends the session in the other', pages, async () => {
  await patient.getByRole('button', { name: /^Sign out/ }).click();
  await patient.getByRole('heading', { name: 'Welcome to MediCore' }).waitFor();
  await pages.patientSecondTab.getByRole('heading', { name: 'Welcome to MediCore' }).waitFor();
});

await browser.close();
const passed = steps.filter((s) => s.outcome === 'passed').length;
const failedCount = steps.filter((s) => s.outcome === 'failed').length;
const skipped = steps.filter((s) => s.outcome === 'skipped').length;
writeFileSync(RESULTS, JSON.stringify({ passed, failed: failedCount, skipped, steps, axeChecked, axeViolations: axeFound, firstScreens }, null, 2));
console.log(`axe-core checked ${axeChecked} screens at ${WIDTHS.map((w) => `${w.width} px`).join(' and ')}: ${axeFound.length} violations`);
console.log(`${passed} passed, ${failedCount} failed, ${skipped} skipped`);
process.exit(failed || axeFound.length > 0 ? 1 : 0);
