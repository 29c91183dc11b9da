/**
 * Layout models, their schemas, `defineLayout` and the status helpers. The built-in datasets are separate
 * modules (`quyu/layouts/guangdong`, …) so that an app ships only the regions it shows.
 */
export * from './cite.ts';
export * from './define.ts';
export * from './json-schema.ts';
export * from './schema.ts';
export * from './status.ts';
