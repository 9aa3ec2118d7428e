// What use cases ask of their ctx again and again: the legal date of now and who acts, as history entries show it.
import { actorUserId } from '../access';
import { vnDateOf } from '../calendar';
import type { Ctx } from './context';

/** The legal date of now in Asia/Ho_Chi_Minh (§19.1). */
export const todayOf = (ctx: Ctx): string => vnDateOf(ctx.clock.now());

/** The acting user's id (null for anonymous callers and the system). */
export const actorIdOf = (ctx: Ctx): string | null => actorUserId(ctx.actor);

/** The acting user's display name, as the history shows it. */
export const actorLabelOf = (ctx: Ctx): string => (ctx.actor.type === 'user' ? ctx.actor.displayName : 'anonymous');
