import { writeFileSync } from 'node:fs';
import { clientMethodsFile, generateClientMethods } from './client-methods.js';
import { formatWithBiome } from './format.js';
import { generateResponseCheckers, responseCheckersFile } from './response-checkers.js';

// `pnpm run generate`: writes every generated source file, formatted as Biome formats it.
writeFileSync(clientMethodsFile, formatWithBiome(generateClientMethods(), clientMethodsFile));
writeFileSync(responseCheckersFile, formatWithBiome(generateResponseCheckers(), responseCheckersFile));
