import { describe, expect, it } from 'vitest';
import { homeEntry } from './admin-menu';

describe('homeEntry', () => {
  it('starts a reception officer at the desk and a specialist at the queue', () => {
    expect(homeEntry(['identity.org-units.list', 'dossiers.list', 'dossiers.intake', 'calendar.read'])?.path).toBe('/admin/dossiers/intake');
    expect(homeEntry(['identity.org-units.list', 'dossiers.list', 'calendar.read'])?.path).toBe('/admin/dossiers');
  });

  it('starts an administrator at the first menu entry, and nobody anywhere without one', () => {
    expect(homeEntry(['identity.org-units.list', 'identity.users.list', 'dossiers.list'])?.path).toBe('/admin/units');
    expect(homeEntry(['calendar.read'])?.path).toBe('/admin/calendar/calculator');
    expect(homeEntry([])).toBeUndefined();
  });
});
