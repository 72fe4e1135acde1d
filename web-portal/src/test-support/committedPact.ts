/// <reference types="node" />
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';

// The same scheme as the JVM consumers (contracts/README.md): bff-graphql builds before the
// portal, so it verifies the committed pact, and the portal's build fails when its own differs.
const WRITTEN = resolve('target/pacts');
const COMMITTED = resolve('../contracts/pacts');

export const pactDirectory = WRITTEN;

/** Pact merges into an existing file: a run starts from nothing, so a dropped interaction goes. */
export function forgetWrittenPact(file: string) {
  rmSync(resolve(WRITTEN, file), { force: true });
}

/**
 * Fails when the pact just written differs from the committed one, saying what to copy; with
 * MEDICORE_PACTS_WRITE=true (Maven: -Dmedicore.pacts.write=true) it copies it itself.
 */
export function checkCommittedPact(file: string) {
  const written = resolve(WRITTEN, basename(file));
  const committed = resolve(COMMITTED, basename(file));
  if (existsSync(committed) && readFileSync(committed, 'utf8') === readFileSync(written, 'utf8')) return;
  if (process.env.MEDICORE_PACTS_WRITE === 'true') {
    copyFileSync(written, committed);
    return;
  }
  throw new Error(
    "the portal's pact changed, but bff-graphql verifies the committed file: commit the new one" +
      ` (or run with MEDICORE_PACTS_WRITE=true, in Maven -Dmedicore.pacts.write=true)\ncp ${written} ${committed}`,
  );
}
