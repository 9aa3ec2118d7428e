import type { CitizenDossierDetail } from './my-dossiers.api';

/**
 * Where the dossier's result goes on the applicant's page: the electronic result and the satisfaction rating
 * (issue 11, built elsewhere). It renders nothing until the integrator wires those features in here; no result is
 * ever invented.
 */
export function DossierResultSlot(_props: { dossier: CitizenDossierDetail }) {
  return null;
}
