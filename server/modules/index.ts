import type { ModuleManifest } from '../platform/http/module';
import { identityModule } from './identity';
import { catalogModule } from './catalog';
import { dossiersModule } from './dossiers';
import { submissionsModule } from './submissions';
import { ratingsModule } from './ratings';

/** Domain modules in dependency order: the kernel (identity, catalog) first. */
export const modules: ModuleManifest[] = [identityModule, catalogModule, dossiersModule, submissionsModule, ratingsModule];
