// Build step: the journey runtime's type declarations (journey-runtime.d.mts),
// generated from its TypeScript sources by dts-bundle-generator, so the
// generated Restate project type-checks against exactly what the runtime
// exports. Used by esbuild.mjs and the tests; never bundled into the product.
import { generateDtsBundle } from 'dts-bundle-generator';
import { join } from 'node:path';
import { RUNTIME_ENTRY } from '../restate/runtimeBundle';

export function runtimeDeclarations(root: string): string {
  const [text] = generateDtsBundle([{ filePath: join(root, RUNTIME_ENTRY), output: { noBanner: true, exportReferencedTypes: false } }], { preferredConfigPath: join(root, 'tsconfig.json') });
  return `// Type declarations of journey-runtime.mjs, generated from its TypeScript sources.\n${text}`;
}
