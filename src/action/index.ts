// The entry point of the bundled GitHub Action (action/dist/index.js): runs it once.
import { main } from './main.js';

await main();
