// The desks a citizen may submit to (§2: any public administrative service centre of the province receives).
import { can } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { SUBMISSION_ACTIONS } from '../submissions.policy';
import { openDesks } from './common';

/** GET /submissions/desks: every open one-stop centre, province level first, by name. */
export async function listReceptionDesks(ctx: Ctx): Promise<{ items: Array<{ id: string; code: string; name: string; parentName: string | null }> }> {
  if (!can(ctx.actor, SUBMISSION_ACTIONS.own)) throw new AppError('FORBIDDEN', { action: SUBMISSION_ACTIONS.own });
  const desks = await openDesks(ctx);
  return { items: desks.map((d) => ({ id: d.id, code: d.code, name: d.name, parentName: d.parentName })) };
}
