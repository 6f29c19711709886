// Empties dist/ before a packing build, so no file from an older build (a module since removed) ships.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
