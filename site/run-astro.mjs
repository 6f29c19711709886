// Runs the handbook's Astro build or dev server in a child process: `node run-astro.mjs build|dev
// '<json options for astroConfig>'`. opmodel build always builds here (src/site/build.ts).
import { astroConfig } from './astro-config.mjs';

const [command, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}');
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
if (process.env.OPMODEL_DATA_LATER === '1' && process.send) {
  // opmodel starts this build while it still lints the model and prepares the data: Astro loads
  // and bundles the pages meanwhile, and the data module waits for this promise (astro-config.mjs)
  // before the first page reads the file. A parent that goes away takes the build with it.
  globalThis[Symbol.for('opmodel.handbook.ready')] = new Promise((ready) => {
    process.on('message', (message) => {
      if (message === 'data') {
        process.channel?.unref();
        ready();
      }
    });
  });
  process.on('disconnect', () => process.exit(1));
}
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
