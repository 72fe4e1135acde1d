import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the BFF's own schema files: no running server, and the types are
// regenerated on every build, so they can never lag behind the schema.
const config: CodegenConfig = {
  schema: '../bff-graphql/src/main/resources/graphql/*.graphqls',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', Long: 'number' },
      },
    },
  },
};

export default config;
