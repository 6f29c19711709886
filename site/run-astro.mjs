// Runs the handbook's Astro build or dev server in a child process: `node run-astro.mjs build|dev
// '<json options for astroConfig>'`. opmodel build always builds here (src/site/build.ts).
import { astroConfig } from './astro-config.mjs';

const [command, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}');
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
const { build, dev } = await import('astro');
if (command === 'build') {
  await build(astroConfig(options));
} else if (command === 'dev') {
  const server = await dev(astroConfig(options));
  const stop = () => server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  console.error(`run-astro: unknown command ${command}`);
  process.exit(2);
}
