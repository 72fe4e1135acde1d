// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SOURCES = join(__dirname, '..');
const THE_PLACE = join(__dirname, 'time.ts');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'test-support' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && path !== THE_PLACE ? [path] : [];
  });
}

// Each of these formats a date or reads its parts in the device's zone, not the clinic's.
const DEVICE_TIME = /Intl\.DateTimeFormat|toLocale(Date|Time)String|\.get(Hours|Minutes|Date|Day|Month|FullYear|TimezoneOffset)\(/g;

describe('dates and times', () => {
  it('are formatted only by src/ui/time.ts, in the clinic’s zone or a practitioner’s', () => {
    const found = sources(SOURCES).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(DEVICE_TIME)].map((m) => `${relative(SOURCES, file)}: ${m[0]}`),
    );
    expect(found).toEqual([]);
  });
});
