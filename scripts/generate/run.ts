import { writeFileSync } from 'node:fs';
import { clientMethodsFile, generateClientMethods } from './client-methods.js';
import { formatWithBiome } from './format.js';

// `pnpm run generate`: writes every generated source file, formatted as Biome formats it.
writeFileSync(clientMethodsFile, formatWithBiome(generateClientMethods(), clientMethodsFile));
