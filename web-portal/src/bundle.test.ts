// @vitest-environment node
import { join } from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

type Chunk = Rolldown.OutputChunk;

const PORTAL = join(__dirname, '..');

/** A chunk and every chunk it imports statically: what the browser fetches before the chunk runs. */
function loadedWith(chunk: Chunk, chunks: Map<string, Chunk>): Chunk[] {
  const seen = new Map<string, Chunk>();
  const visit = (next: Chunk) => {
    if (seen.has(next.fileName)) return;
    seen.set(next.fileName, next);
    next.imports.forEach((file) => visit(chunks.get(file)!));
  };
  visit(chunk);
  return [...seen.values()];
}

function modulesOf(loaded: Chunk[]): string[] {
  return loaded.flatMap((chunk) => chunk.moduleIds).map((id) => id.replaceAll('\\', '/'));
}

const CHARTS = /\/node_modules\/recharts\//;
const OTHER_ROLES = /\/src\/(admin|doctor|billing)\//;

// The production build, as `vite build` makes it (without writing dist/): one build for all tests.
describe('the built portal', () => {
  let chunks: Map<string, Chunk>;
  const screen = (source: string) => [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(source))!;

  beforeAll(async () => {
    const output = (await build({
      root: PORTAL,
      configFile: join(PORTAL, 'vite.config.ts'),
      logLevel: 'silent',
      build: { write: false },
    })) as Rolldown.RolldownOutput;
    chunks = new Map(output.output.filter((file): file is Chunk => file.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  }, 120_000);

  it('lets a newcomer sign in without fetching charts or another role’s screens', () => {
    const entry = [...chunks.values()].find((chunk) => chunk.isEntry)!;
    const modules = modulesOf(loadedWith(entry, chunks));

    expect(modules.filter((id) => CHARTS.test(id) || OTHER_ROLES.test(id))).toEqual([]);
    expect(modules.some((id) => id.endsWith('/src/patient/SignUp.tsx'))).toBe(false);
    // Live updates' socket comes with the first subscription.
    expect(modules.some((id) => id.includes('/node_modules/graphql-ws/'))).toBe(false);
    // Each screen's operations travel with it, not in one file of all of them.
    expect(modules.some((id) => id.endsWith('/src/gql/graphql.ts'))).toBe(false);
  });

  it('opens a patient’s first screen without charts or another role’s screens', () => {
    const modules = modulesOf(loadedWith(screen('/src/patient/MyProfile.tsx'), chunks));

    expect(modules.filter((id) => CHARTS.test(id) || OTHER_ROLES.test(id))).toEqual([]);
  });

  it('fetches the charts with the screens that draw them', () => {
    expect(modulesOf(loadedWith(screen('/src/admin/Dashboard.tsx'), chunks)).some((id) => CHARTS.test(id))).toBe(true);
    expect(modulesOf(loadedWith(screen('/src/patient/MyLabResults.tsx'), chunks)).some((id) => CHARTS.test(id))).toBe(true);
  });
});
