import type { ModuleManifest } from '../platform/http/module';
import { identityModule } from './identity';
import { catalogModule } from './catalog';
import { dossierResultsModule, dossiersModule } from './dossiers';
import { submissionsModule } from './submissions';
import { portalModule } from './portal';
import { ratingsModule } from './ratings';
import { paymentsModule } from './payments';
import { exchangeModule } from './exchange';
import { feedbackModule } from './feedback';
import { dialoguesModule } from './dialogues';
import { plansModule } from './plans';
import { documentsModule } from './documents';
import { dashboardsModule, publicIndicatorsModule } from './dashboards';

/** Domain modules in dependency order: the kernel (identity, catalog) first. */
export const modules: ModuleManifest[] = [
  identityModule,
  catalogModule,
  dossiersModule,
  dossierResultsModule,
  submissionsModule,
  ratingsModule,
  paymentsModule,
  exchangeModule,
  feedbackModule,
  dialoguesModule,
  plansModule,
  documentsModule,
  portalModule,
  dashboardsModule,
  publicIndicatorsModule,
];
