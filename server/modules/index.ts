import type { ModuleManifest } from '../platform/http/module';

/** Domain modules in dependency order: the kernel (identity, catalog) first. */
export const modules: ModuleManifest[] = [];
