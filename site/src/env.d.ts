// Types for the handbook site's virtual module and Astro's globals.
/// <reference types="astro/client" />

declare module 'virtual:opmodel/data' {
  /** Absolute path of the HandbookData JSON written by src/site/build.ts. */
  export const dataFile: string;
}
