// Types of scripts/long-run.js for the TypeScript that spawns long runs (bench/run.ts).
export declare const LONG_RUN_NODE_ARGS: string[];
export declare const LONG_RUN_ENV: Record<string, string>;
export declare function longRunEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
