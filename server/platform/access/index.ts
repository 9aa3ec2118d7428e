export { can, definePolicy, hasRole, isPolicyDefined, listActions, isSignedIn, ANONYMOUS, SYSTEM_ACTOR, type Actor, type UserActor, type RoleGrant, type Policy } from './access';
