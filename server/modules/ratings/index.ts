// The ratings module's only public door: satisfaction ratings of ended dossiers by their applicants (issue 11 item 7;
// domain README §3.1 step 8, §7.1 group 5, §7.5 target).
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { ratingMessages } from './ratings.messages';
import { invitationTemplate, lowRatingTemplate } from './ratings.notify';
import { ratingPolicies } from './ratings.policy';
import { ratingRoutes } from './ratings.routes';
import { rememberPublicBaseUrl } from './use-cases/common';
import { inviteToRate } from './use-cases/invite-to-rate';
import { seedRatingsDemo } from './ratings.seed';

export { RATING_ACTIONS } from './ratings.policy';
export { ALERT_LEVEL, getRatingStateForOwner, rateDossierAsOwner } from './use-cases/rate-dossier';
export { getRatingsSummary } from './use-cases/read-summary';
export { countRatingsGrouped, type RatingCounts } from './use-cases/count-ratings';
export { generatedRatings, RATING_LIFE } from './ratings.scale';

/** Ratings: invites the applicant when a dossier ends (`dossiers.ended`), serves /api/v1/ratings. */
export const ratingsModule: ModuleManifest = {
  key: 'ratings',
  policies: ratingPolicies,
  messages: ratingMessages,
  notificationTemplates: [invitationTemplate, lowRatingTemplate],
  events: {
    async 'dossiers.ended'(event, ctx) {
      const outcome = await inviteToRate(ctx, event);
      ctx.log.info({ dossierId: event.dossierId, outcome: 'sent' in outcome ? 'sent' : outcome.skipped }, 'ratings: invitation after a dossier ended');
    },
  },
  seedDemo: (ctx) => seedRatingsDemo(ctx),
  register(host: ModuleHost) {
    rememberPublicBaseUrl(host.events, host.config.publicBaseUrl);
  },
  async routes(app: FastifyInstance) {
    await ratingRoutes(app);
  },
};
