import { writeFileSync } from 'node:fs';
import { clientMethodsFile, generateClientMethods } from './client-methods.js';
import { formatWithBiome } from './format.js';
import { checkersModules, generateResponseCheckers } from './response-checkers.js';

// `pnpm run generate`: writes every generated source file, formatted as Biome formats it.
writeFileSync(clientMethodsFile, formatWithBiome(generateClientMethods(), clientMethodsFile));
for (const { file, shapes, registry, listedIn } of checkersModules) {
  writeFileSync(file, formatWithBiome(generateResponseCheckers(shapes, registry, listedIn), file));
}
