import { can, type UserActor } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { vietnamDate } from '../identity.text';

/** Throws FORBIDDEN unless the actor may perform `action` on `subject`. */
export function authorize<S>(ctx: Ctx, action: string, subject?: S): void {
  if (!can(ctx.actor, action, subject)) throw new AppError('FORBIDDEN', { action });
}

/** The signed-in actor, or UNAUTHENTICATED. */
export function requireUser(ctx: Ctx): UserActor {
  if (ctx.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** Today's date in Vietnam (units open/close by calendar date). */
export function today(ctx: Ctx): string {
  return vietnamDate(ctx.clock.now());
}

/** A 400 with one field error whose message is the i18n key `code`. */
export function fieldError(path: string, code: string, params?: Record<string, unknown>): AppError {
  return new AppError('VALIDATION_FAILED', {}, { fields: [{ path, code, ...(params ? { params } : {}) }] });
}

/** A 409 DUPLICATE naming the fields already taken. */
export function duplicateError(taken: Array<'username' | 'email' | 'phone' | 'code'>): AppError {
  const keys = { username: 'identity.errors.usernameTaken', email: 'identity.errors.emailTaken', phone: 'identity.errors.phoneTaken', code: 'identity.errors.codeTaken' } as const;
  return new AppError('DUPLICATE', { field: taken.join(', ') }, { fields: taken.map((f) => ({ path: `body.${f}`, code: keys[f] })) });
}
