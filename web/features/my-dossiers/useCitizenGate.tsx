import type { ReactElement } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../identity/identity.api';
import { PageSpinner } from '../../ui/PageSpinner';

/**
 * The portal pages of a signed-in citizen or business: while the session loads, a spinner; signed out, the sign-in page
 * (coming back here after); an officer, the back office. Returns the element to render instead, or null to go on.
 */
export function useCitizenGate(): { gate: ReactElement | null; ready: boolean } {
  const { data: me, isPending } = useMe();
  const { pathname } = useLocation();
  if (isPending) return { gate: <PageSpinner />, ready: false };
  if (!me) return { gate: <Navigate to={`/dang-nhap?next=${encodeURIComponent(pathname)}`} replace />, ready: false };
  if (me.kind !== 'citizen') return { gate: <Navigate to="/admin" replace />, ready: false };
  return { gate: null, ready: true };
}
