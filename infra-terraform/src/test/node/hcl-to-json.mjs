// Prints one JSON object {"<relative path>": <HCL as JSON>} for every *.tf file under the
// directory given as the first argument (skipping .terraform/ and node_modules/).
// Used by the JUnit checks of infra-terraform; needs node only, no terraform, no providers.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import hcl from '@cdktf/hcl2json';

const root = process.argv[2];
if (!root) {
  console.error('usage: node hcl-to-json.mjs <directory>');
  process.exit(2);
}

function tfFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['.terraform', 'node_modules', 'target', 'src'].includes(entry.name) ? [] : tfFiles(path);
    }
    return entry.name.endsWith('.tf') ? [path] : [];
  });
}

const result = {};
for (const file of tfFiles(root).sort()) {
  result[relative(root, file)] = await hcl.parse(file, readFileSync(file, 'utf8'));
}
process.stdout.write(JSON.stringify(result));
