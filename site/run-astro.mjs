// Runs the handbook's Astro build or dev server in a child process: `node run-astro.mjs build|dev
// '<json options for astroConfig>'`. opmodel build always builds here (src/site/build.ts); given an
// IPC channel, each rendered page (src/middleware.ts) goes to the parent's search index as it is made.
import { astroConfig } from './astro-config.mjs';

/** Pages sent to the parent and not yet indexed: more waits, so a slow indexer holds the build back instead of filling memory. */
const backlog = 16;

const [command, json] = process.argv.slice(2);
const options = JSON.parse(json ?? '{}');
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK ??= 'true';
const { build, dev } = await import('astro');
if (command === 'build') {
  const send = process.send ? feedParent() : undefined;
  await build(astroConfig(options));
  await send?.drained();
} else if (command === 'dev') {
  const server = await dev(astroConfig(options));
  const stop = () => server.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  console.error(`run-astro: unknown command ${command}`);
  process.exit(2);
}

/** Registers the feed the middleware hands pages to; `drained` resolves when the parent has indexed them all, then lets the channel go. */
function feedParent() {
  let unanswered = 0;
  const waiting = [];
  process.on('message', (message) => {
    if (message !== 'indexed') return;
    unanswered--;
    waiting.shift()?.();
  });
  globalThis[Symbol.for('opmodel.search.feed')] = async (pathname, html) => {
    unanswered++;
    process.send({ pathname, html });
    if (unanswered > backlog) await new Promise((resume) => waiting.push(resume));
  };
  return {
    async drained() {
      while (unanswered > 0) await new Promise((resume) => waiting.push(resume));
      process.disconnect();
    },
  };
}
