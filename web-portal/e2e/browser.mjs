// What every script that drives the portal in Chromium shares: Debian's Chromium as launched here,
// the two screens people use, signing in, and a newcomer's first screen measured. The browser
// story (portal.e2e.mjs) and the benchmark's timed visit (timed-visit.mjs) both use it.
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const DESKTOP = { viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Berlin', locale: 'en-GB' };
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, timezoneId: 'Europe/Berlin', locale: 'en-GB' };

export async function signIn(page, portal, username, password) {
  await page.goto(portal);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.getByRole('button', { name: /^Sign out/ }).waitFor();
}

/**
 * The first screen as a newcomer gets it, with an empty cache: when it painted, when it was
 * complete, and how many bytes of script it cost. Reported, never asserted (timings belong to
 * a benchmark, not a pass or fail). The phone's load runs under Lighthouse's mobile throttling
 * (150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up, a CPU four times slower), since a loopback
 * connection would hide what the bytes cost.
 */
export async function firstScreen(browser, portal, options, throttled) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  if (throttled) {
    const devtools = await context.newCDPSession(page);
    await devtools.send('Network.enable');
    await devtools.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
    });
    await devtools.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(portal, { waitUntil: 'load' });
  await page.getByRole('heading', { name: 'Welcome to MediCore' }).waitFor();
  const figures = await page.evaluate(async () => {
    const navigation = performance.getEntriesByType('navigation')[0];
    const paint = Object.fromEntries(performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]));
    const largest = await Promise.race([
      new Promise((resolve) => new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime))
        .observe({ type: 'largest-contentful-paint', buffered: true })),
      new Promise((resolve) => setTimeout(() => resolve(null), 2000)),
    ]);
    const resources = performance.getEntriesByType('resource');
    const scripts = resources.filter((entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'));
    const sum = (entries, field) => entries.reduce((total, entry) => total + entry[field], 0);
    return {
      firstContentfulPaintMs: Math.round(paint['first-contentful-paint'] ?? NaN),
      largestContentfulPaintMs: largest === null ? null : Math.round(largest),
      domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
      loadMs: Math.round(navigation.loadEventEnd),
      scriptKiBTransferred: Math.round(sum(scripts, 'transferSize') / 1024),
      scriptKiBUncompressed: Math.round(sum(scripts, 'decodedBodySize') / 1024),
      allKiBTransferred: Math.round((sum(resources, 'transferSize') + navigation.transferSize) / 1024),
    };
  });
  await context.close();
  return figures;
}
