// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as forms from '../api/formFields';
import { CATALOGUES } from './messages';

const SOURCES = join(__dirname, '..');

function screens(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'test-support' ? [] : screens(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

// Words written straight into the markup: text before a closing tag on one line, a line of nothing
// but words (JSX text between tags on lines of their own), and the attributes a person reads or hears.
const TEXT_BEFORE_CLOSING_TAG = />([^<>{}\n;=()]*[A-Za-z]{2,}[^<>{}\n;=()]*)<\//g;
const LINE_OF_WORDS = /^\s*([A-Za-z][A-Za-z ,.'’!?–-]*[A-Za-z.!?])\s*$/gm;
const READ_ATTRIBUTES = /\b(label|title|what|aria-label|alt)="([^"]*[A-Za-z]{2,}[^"]*)"/g;

describe('the catalogues', () => {
  it('hold every word the screens show: none is written straight into the markup', () => {
    const found = screens(SOURCES).flatMap((file) => {
      // The GraphQL documents name fields, not words for people.
      const source = readFileSync(file, 'utf8').replace(/graphql\(`[\s\S]*?`\)/g, '');
      const where = relative(SOURCES, file);
      return [
        ...[...source.matchAll(TEXT_BEFORE_CLOSING_TAG)].map((m) => `${where}: ${m[1]}`),
        // A lone lower-case identifier on its own line is a JSX attribute (noValidate), not a word.
        ...[...source.matchAll(LINE_OF_WORDS)].filter((m) => !/^[a-z][A-Za-z]*$/.test(m[1])).map((m) => `${where}: ${m[1]}`),
        ...[...source.matchAll(READ_ATTRIBUTES)].map((m) => `${where}: ${m[1]}="${m[2]}"`),
      ];
    });
    expect(found).toEqual([]);
  });

  it("say every server refusal of every form's field in their own words, in every language", () => {
    const fields = (Object.values(forms).filter((value) => typeof value === 'object') as forms.FormFields[]).flatMap((form) =>
      Object.entries(form),
    );
    expect(fields.length).toBeGreaterThanOrEqual(40);
    for (const [name, field] of fields) {
      expect(field.invalid, name).toBeTruthy();
      expect(CATALOGUES.de.phrases[field.invalid], `${name}: ${field.invalid}`).toBeTruthy();
    }
  });
});
