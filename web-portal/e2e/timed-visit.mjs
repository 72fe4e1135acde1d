// bench/run's `browser` scenario: what a person waits for in Chromium while the benchmark's load
// runs. A newcomer's first screen at both widths, then the demo patient signs in on a phone and
// books the demo doctor's first free slot VISITS times, each timed from choosing "Book an
// appointment" to the confirmation. Prints one JSON line for the benchmark; asserts nothing.
import { DESKTOP, PHONE, firstScreen, launchChromium, signIn } from './browser.mjs';

const PORTAL = process.env.PORTAL_URL ?? 'http://127.0.0.1:4173';
const VISITS = Number(process.env.VISITS ?? 5);
const DOCTOR = 'Gregory Doctor, General practice (General medicine)';
const MENU = 'Main';

const browser = await launchChromium();
try {
  const firstScreens = {
    desktop: await firstScreen(browser, PORTAL, DESKTOP, false),
    phoneThrottled: await firstScreen(browser, PORTAL, PHONE, true),
  };
  const page = await (await browser.newContext(PHONE)).newPage();
  let began = performance.now();
  await signIn(page, PORTAL, 'patient', 'patient-password');
  const signInMs = Math.round(performance.now() - began);
  const menu = page.getByRole('navigation', { name: MENU });
  const bookingsMs = [];
  const failures = [];
  for (let visit = 0; visit < VISITS; visit++) {
    try {
      began = performance.now();
      await menu.getByRole('link', { name: 'Book an appointment' }).click();
      await page.getByLabel('Practitioner').selectOption({ label: DOCTOR });
      await page.getByRole('radiogroup', { name: /^Free times on \w/ }).getByRole('radio').first().click();
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await page.getByText(/^Booked: /).waitFor();
      bookingsMs.push(Math.round(performance.now() - began));
      // The booking form keeps its confirmation while it is open: the next visit starts elsewhere.
      await menu.getByRole('link', { name: 'My appointments' }).click();
      await page.getByRole('heading', { level: 1 }).waitFor();
    } catch (error) {
      failures.push(String(error).slice(0, 300));
    }
  }
  console.log(JSON.stringify({ firstScreens, signInMs, bookingsMs, failures }));
} finally {
  await browser.close();
}
