import type { Plugin } from 'vite';
/** Types for agency-summaries.mjs: the Vite plugin for `scenes/agencies/*.json?summary`. */
export declare function agencySummaries(): Plugin;
