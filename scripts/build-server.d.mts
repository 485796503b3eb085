/** Types for build-server.mjs (plain JavaScript so `npm start` needs no transpiler). */
export declare const root: string;
/** dist/server/main.js */
export declare const serverEntry: string;
export declare function serverStale(): boolean;
/** Builds dist/server when stale; true when it built. */
export declare function buildServerIfStale(): Promise<boolean>;
