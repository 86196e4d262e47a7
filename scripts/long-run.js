/* global process */
// D243: the memory settings of a long run on the compiled bundle (`npm run cli -- simulate`, the bench's simulated
// months). After the statement and export fixes of D242 the simulation keeps ~80 MB live, nearly all of it loaded
// code (module source text and compiled functions); what its resident size measured beyond that was allocator
// policy, not data:
// - V8 let the old generation grow to 2–3× the live set before collecting (150–250 MB of heap); a 160 MB cap
//   (2× live) holds it there for the same wall time. It is a one-month cap: twelve months in one process (the
//   bench's year) keep the fake WeCom's record of every message and need more;
// - glibc gave each of V8's helper threads its own malloc arena (~20 MB between them) and kept a freed
//   19 MB font buffer (one per chart rendered, resvg) in the main heap; two arenas and a fixed mmap threshold
//   return such blocks to the system when they are freed.
export const LONG_RUN_NODE_ARGS = ['--max-old-space-size=160'];
export const LONG_RUN_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' };

/** The environment for a long-run child process: the caller's, with the allocator settings above. */
export function longRunEnv(env = process.env) {
  return { ...env, ...LONG_RUN_ENV };
}
