import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import MagicString from 'magic-string';
import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

/**
 * The generated `graphql()` finds each operation in one map of all of them, and a bundler keeps a
 * module whole, so the chunk holding `src/gql/graphql.ts` would hold every screen's documents, the
 * first screen's chunk included. In the build each `graphql(`...`)` call becomes an import of a
 * module of its own holding just that document, taken from the generated file (the very object
 * the map hands out), so a document travels with the screen that sends it. The build only: the
 * tests and the dev server keep reading the documents through the map.
 */
function documentsWithTheirScreens(): Plugin {
  const generatedDir = fileURLToPath(new URL('./src/gql/', import.meta.url));
  const virtual = 'virtual:medicore-document/';
  const resolved = '\0medicore-document:';
  let generated: Map<string, string> | undefined;
  const documentNamed = (name: string) => {
    generated ??= new Map(
      [...readFileSync(`${generatedDir}graphql.ts`, 'utf8').matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)].map(
        ([, exported, json]) => [exported, json],
      ),
    );
    return generated.get(name);
  };
  return {
    name: 'medicore:documents-with-their-screens',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id.startsWith(virtual) ? resolved + id.slice(virtual.length) : null),
    load(id) {
      if (!id.startsWith(resolved)) return null;
      const name = id.slice(resolved.length);
      const json = documentNamed(name);
      if (!json) this.error(`src/gql/graphql.ts has no document ${name}: run npm run codegen`);
      return `export default ${json};`;
    },
    transform(code, id) {
      if (!/\/src\/.+\.tsx?$/.test(id) || id.startsWith(generatedDir) || !code.includes('graphql(')) return null;
      const source = new MagicString(code);
      for (const call of code.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)) {
        const [definition] = parse(call[1]).definitions;
        if ((definition.kind !== 'OperationDefinition' && definition.kind !== 'FragmentDefinition') || !definition.name) {
          this.error(`${id}: a graphql() document must start with a named operation or fragment`);
        }
        // The client preset's names: `query Me` is MeDocument, `fragment AddressParts` AddressPartsFragmentDoc.
        const name = definition.name.value + (definition.kind === 'OperationDefinition' ? 'Document' : 'FragmentDoc');
        source.overwrite(call.index, call.index + call[0].length, `__document_${name}`);
        source.prepend(`import __document_${name} from '${virtual}${name}';\n`);
      }
      return { code: source.toString(), map: source.generateMap({ hires: true, source: id }) };
    },
  };
}

export default defineConfig({
  plugins: [documentsWithTheirScreens(), react(), tailwindcss()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // The local stack's BFF, so the dev server's portal talks to it on its own origin.
    proxy: { '/graphql': { target: 'http://127.0.0.1:8080', ws: true } },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // Charts render slowly in jsdom, and the build machine's two cores are shared.
    testTimeout: 20_000,
    reporters: ['default', 'junit'],
    outputFile: { junit: './target/vitest-junit.xml' },
  },
});
