import { describe, expect, it } from 'vitest';
import { homeEntry } from './admin-menu';

describe('homeEntry', () => {
  it('starts a reception officer at the desk and a specialist at the queue', () => {
    expect(homeEntry(['identity.org-units.list', 'dossiers.list', 'dossiers.intake', 'calendar.read'])?.path).toBe('/admin/dossiers/intake');
    expect(homeEntry(['identity.org-units.list', 'dossiers.list', 'calendar.read'])?.path).toBe('/admin/dossiers');
  });

  it('starts a leader and the reform office at the indicators, a leader who also receives at the desk', () => {
    const leader = ['dossiers.list', 'calendar.read', 'dashboards.indicators.read', 'ratings.summary.read'];
    expect(homeEntry(leader, ['leader'])?.path).toBe('/admin/indicators');
    expect(homeEntry(['identity.org-units.list', 'dashboards.indicators.read', 'ratings.summary.read'], ['reform-office'])?.path).toBe('/admin/indicators');
    expect(homeEntry([...leader, 'dossiers.intake'], ['leader', 'reception-officer'])?.path).toBe('/admin/dossiers/intake');
    expect(homeEntry(leader, ['specialist'])?.path).toBe('/admin/dossiers');
    // Without the indicators' action a leader still starts at the queue.
    expect(homeEntry(['dossiers.list'], ['leader'])?.path).toBe('/admin/dossiers');
  });

  it('starts an administrator at the first menu entry, and nobody anywhere without one', () => {
    expect(homeEntry(['identity.org-units.list', 'identity.users.list', 'dossiers.list'])?.path).toBe('/admin/units');
    expect(homeEntry(['calendar.read'])?.path).toBe('/admin/calendar/calculator');
    expect(homeEntry([])).toBeUndefined();
  });

  it('starts a clerk at the incoming register (issue 15)', () => {
    expect(homeEntry(['identity.org-units.list', 'calendar.read', 'documents.read'], ['clerk'])?.path).toBe('/admin/documents/incoming');
  });

  it('starts a finance officer at the online payments', () => {
    expect(homeEntry(['payments.transactions.read', 'payments.statements.reconcile'], ['finance-officer'])?.path).toBe('/admin/payments');
  });
});

describe('shell title', () => {
  it('fits the role: the desk reads its own title, not "Quản trị"', async () => {
    const { shellTitleKey } = await import('./admin-menu');
    expect(shellTitleKey(['reception-officer'])).toBe('common.app.titles.desk');
    expect(shellTitleKey(['specialist'])).toBe('common.app.titles.handling');
    expect(shellTitleKey(['leader', 'reception-officer'])).toBe('common.app.titles.desk');
    expect(shellTitleKey(['reform-office'])).toBe('common.app.titles.monitoring');
    expect(shellTitleKey(['system-admin', 'reception-officer'])).toBe('common.app.titles.admin');
    expect(shellTitleKey(['clerk'])).toBe('documents.app.shellTitle');
  });
});
