import { can, listActions, type Actor, type UserActor } from '../../platform/access';
import type { Clock } from '../../platform/context/context';
import type { ActorLoader } from '../../platform/http/request-context';
import { isOpenOn } from './org-units.repository';
import { vietnamDate } from './identity.text';
import { getUserRow, loadGrants, type GrantRow, type UserRow } from './users.repository';

/** Builds the request actor from a user and the grants still in force. */
export function buildActor(user: Pick<UserRow, 'id' | 'kind' | 'displayName'>, grants: GrantRow[], sessionId: string): UserActor {
  return {
    type: 'user',
    userId: user.id,
    kind: user.kind === 'citizen' ? 'citizen' : 'officer',
    displayName: user.displayName,
    grants: grants.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId, scopePath: g.scopePath })),
    sessionId,
  };
}

/** Grants whose unit is still open today: a role on a closed unit no longer confers anything. */
export function activeGrants(grants: GrantRow[], now: Date): GrantRow[] {
  const today = vietnamDate(now);
  return grants.filter((g) => isOpenOn(g, today));
}

/** Every registered policy action the actor may perform somewhere (drives the web's menus). */
export function actionsFor(actor: Actor): string[] {
  return listActions().filter((action) => {
    try {
      return can(actor, action);
    } catch {
      // A policy that cannot answer without a subject simply does not advertise its action.
      return false;
    }
  });
}

/** The platform's actor loader: null for unknown or disabled users, so their sessions stop working at once. */
export function createActorLoader(clock: Clock): ActorLoader {
  return async (db, userId, sessionId) => {
    const user = await getUserRow(db, userId);
    if (!user || user.disabled) return null;
    return buildActor(user, activeGrants(await loadGrants(db, [userId]), clock.now()), sessionId);
  };
}
