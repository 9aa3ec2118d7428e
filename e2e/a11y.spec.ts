import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Locator, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations, phoneLayoutScope } from './support/axe';
import { attachScreenshot, horizontalOverflow, overflowingElements } from './support/screens';
import { apiLogin } from './officer/dossier-support';
import { recordTitle } from './support/a11y-titles';

// Issue 11 item 9: every page, portal and back office, meets WCAG 2.1 AA at 1280 and 390 px. Each page below is
// scanned with axe (serious/critical fail), and must have one <h1>, its own document title, a skip link to the main
// content, lang="vi", and (at 390 px) no horizontal scrolling. A new page is one line in A11Y_PAGES.

/** Data the seeded demo has but whose ids change per run; found once through the API. */
interface DemoIds {
  /** A dossier the specialist chuyenvien.stp holds and may act on. */
  dossierId: string;
  dossierCode: string;
  /** A procedure version the administrator can open in the editor. */
  procedureVersionId: string;
  /** A dossier of the demo citizen (received at a desk under the citizen's verified ID number). */
  citizenDossierId: string;
  /** A procedure offered online with an e-form (the demo's birth registration). */
  onlineProcedureId: string;
  /** The demo citizen's application the ward's desk asked to complete (submissions demo seed). */
  guidedSubmissionId: string;
  /** The demo citizen's application awaiting the ward's desk (tiepnhan.hacthanh). */
  awaitingSubmissionId: string;
  /** The demo citizen's dossier received awaiting its fee, to be paid online (issue 13). */
  feeDossierId: string;
  /** A published feedback item, and the demo citizen's answered one awaiting a rating (feedback demo seed). */
  publicFeedbackCode: string;
  citizenFeedbackCode: string;
  /** A feedback item in progress at Sở Tư pháp, which chuyenvien.stp may answer. */
  stpFeedbackId: string;
  /** The demo's dialogue held by Sở Tư pháp (minutes, answers, commitments) and the ward's one open for questions. */
  heldDialogueId: string;
  announcedDialogueId: string;
  /** An incoming document of Sở Tư pháp's register and its issued outgoing one (documents demo seed). */
  stpIncomingId: string;
  stpIssuedOutgoingId: string;
}

/** One page (or one dialog on a page) to scan. */
interface A11yPage {
  /** Unique name: used in the test title and the attachments. */
  name: string;
  /** The router pattern it covers; different routes must have different document titles. */
  route: string;
  /** The address to open, or a function of the demo ids. */
  path: string | ((ids: DemoIds) => string);
  /** Demo login to sign in as (server/modules/demo-accounts.ts); omitted for a visitor. */
  as?: string;
  /** What the page shows once its data has loaded (scanning a skeleton proves nothing). */
  ready?: (page: Page) => Locator;
  /** Opens a dialog and returns it; the scan then covers the page with the dialog open. */
  dialog?: (page: Page) => Promise<Locator>;
  /** Attach a screenshot `a11y-<name>-<width>` (also saved to E2E_SCREENS_DIR when set). */
  screenshot?: boolean;
  /** The page renders other components on a phone (Grid.useBreakpoint): axe scans all of it at 390 px as well. */
  phoneScan?: 'full';
  /** The phone layout needs a fresh load at 390 px (not only the window narrowed); none does today. */
  phoneLoad?: boolean;
}

const tableRow = (page: Page) => page.locator('.ant-table-row').first();
const byTestId = (id: string) => (page: Page) => page.getByTestId(id).first();
/** Clicks the button with this test id and returns the dialog it opens, once antd's zoom-in has finished. */
const openDialog = (buttonTestId: string) => async (page: Page) => {
  await page.getByTestId(buttonTestId).first().click();
  const dialog = page.getByRole('dialog').last();
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-(enter|appear)/);
  return dialog;
};

/** Every route of web/app/router.tsx, and the main dialogs. Add a page with one line. */
const A11Y_PAGES: A11yPage[] = [
  // Portal (visitor).
  { name: 'portal-home', route: '/', path: '/', ready: (p) => p.getByRole('link', { name: /\d+ thủ tục/ }).first(), screenshot: true },
  { name: 'procedure-search', route: '/thu-tuc', path: '/thu-tuc', ready: byTestId('result-count') },
  { name: 'procedure-detail', route: '/thu-tuc/:code', path: '/thu-tuc/1.004837', ready: byTestId('procedure-name') },
  { name: 'lookup-empty', route: '/tra-cuu', path: '/tra-cuu' },
  { name: 'lookup-result', route: '/tra-cuu/:code', path: (ids) => `/tra-cuu/${encodeURIComponent(ids.dossierCode)}`, ready: byTestId('lookup-result'), screenshot: true },
  { name: 'lookup-not-found', route: '/tra-cuu/:code', path: '/tra-cuu/H56.999-000000-9999', ready: byTestId('lookup-not-found') },
  { name: 'portal-not-found', route: '/*', path: '/khong-co-trang-nay' },
  // Portal accounts (issue 11): signing in (with the e-ID button), registering, a forgotten password, the account.
  { name: 'portal-login', route: '/dang-nhap', path: '/dang-nhap', ready: byTestId('sso-button') },
  { name: 'portal-login-sso-error', route: '/dang-nhap', path: '/dang-nhap?sso_error=SSO_CANCELLED', ready: byTestId('sso-error') },
  { name: 'register', route: '/dang-ky', path: '/dang-ky', ready: (p) => p.locator('form button[type=submit]') },
  { name: 'forgot-password', route: '/quen-mat-khau', path: '/quen-mat-khau', ready: (p) => p.locator('form button[type=submit]') },
  { name: 'account', route: '/tai-khoan', path: '/tai-khoan', as: 'citizen@example.vn', ready: byTestId('prefill') },
  { name: 'my-dossiers', route: '/ho-so-cua-toi', path: '/ho-so-cua-toi', as: 'citizen@example.vn', ready: byTestId('my-dossier-link'), screenshot: true },
  { name: 'my-submissions', route: '/ho-so-nop-truc-tuyen', path: '/ho-so-nop-truc-tuyen', as: 'citizen@example.vn', ready: byTestId('my-submissions') },
  {
    name: 'start-submission',
    route: '/nop-ho-so/:procedureId',
    path: (ids) => `/nop-ho-so/${ids.onlineProcedureId}`,
    as: 'citizen@example.vn',
    ready: byTestId('start-submission'),
  },
  {
    name: 'my-submission-guided',
    route: '/ho-so-nop-truc-tuyen/:id',
    path: (ids) => `/ho-so-nop-truc-tuyen/${ids.guidedSubmissionId}`,
    as: 'citizen@example.vn',
    ready: byTestId('guided-banner'),
    screenshot: true,
  },
  // Results and ratings (issue 11): the public check of a result (an unknown token here; a valid one is scanned in
  // e2e/officer/dossier-result.spec.ts), the desk's rating kiosk, a broken invitation link.
  { name: 'verify-result-unknown', route: '/xac-thuc-ket-qua/:token', path: '/xac-thuc-ket-qua/AAAAAAAAAAAAAAAAAAAAAA', ready: byTestId('verify-not-found') },
  { name: 'rating-kiosk', route: '/danh-gia', path: '/danh-gia', ready: byTestId('kiosk-find') },
  { name: 'rating-link-invalid', route: '/danh-gia/loi-moi', path: '/danh-gia/loi-moi?token=khong-dung-lien-ket-nay-000000000000', ready: byTestId('rating-link-invalid') },
  { name: 'confirm-email-failed', route: '/xac-nhan-email', path: '/xac-nhan-email?token=khong-dung-lien-ket-nay-000000000000', ready: byTestId('email-confirm-failed') },
  { name: 'confirm-phone', route: '/xac-nhan-so-dien-thoai', path: '/xac-nhan-so-dien-thoai?phone=0912345678', ready: (p) => p.locator('form button[type=submit]') },
  { name: 'reset-password-no-link', route: '/dat-lai-mat-khau', path: '/dat-lai-mat-khau', ready: (p) => p.locator('form button[type=submit]') },
  {
    name: 'my-dossier',
    route: '/ho-so-cua-toi/:id',
    path: (ids) => `/ho-so-cua-toi/${ids.citizenDossierId}`,
    as: 'citizen@example.vn',
    ready: byTestId('my-dossier-status'),
    screenshot: true,
  },
  // Online payment (issue 13): the fee notice on the citizen's dossier, the gateway's return (here a forged one, which
  // the page refuses), and the finance officer's transactions, statement import and mismatches.
  {
    name: 'my-dossier-fee-due',
    route: '/ho-so-cua-toi/:id',
    path: (ids) => `/ho-so-cua-toi/${ids.feeDossierId}`,
    as: 'citizen@example.vn',
    ready: byTestId('pay-online'),
  },
  { name: 'payment-return-invalid', route: '/thanh-toan/ket-qua', path: '/thanh-toan/ket-qua?vnp_TxnRef=MC0000000000000000&vnp_ResponseCode=00', ready: byTestId('payment-state') },
  { name: 'payments', route: '/admin/payments', path: '/admin/payments', as: 'ketoan.tinh', ready: byTestId('payments-transactions'), screenshot: true },
  { name: 'payments-statement', route: '/admin/payments', path: '/admin/payments?tab=statement', as: 'ketoan.tinh', ready: byTestId('statement-import') },
  { name: 'payments-mismatches', route: '/admin/payments', path: '/admin/payments?tab=mismatches', as: 'ketoan.tinh', ready: byTestId('payments-mismatches') },
  // The national portal exchange (issue 13 item 5): off in the journeys' server (no DVCQG_URL), which the page says.
  { name: 'exchange', route: '/admin/exchange', path: '/admin/exchange', as: 'admin', ready: byTestId('exchange-disabled') },
  { name: 'exchange-inbound', route: '/admin/exchange', path: '/admin/exchange?tab=inbound', as: 'admin', ready: byTestId('exchange-inbound-disabled') },
  // The transparency page (issue 12 item 5): anyone, the province's figures with its charts and tables.
  { name: 'transparency', route: '/minh-bach', path: '/minh-bach', ready: byTestId('public-by-month'), screenshot: true },
  // Feedback and petitions (issue 14): the public answers, filing, one answer, the sender's page and list.
  { name: 'feedback-public', route: '/phan-anh-kien-nghi', path: '/phan-anh-kien-nghi', ready: byTestId('public-feedback-list'), screenshot: true },
  { name: 'feedback-file', route: '/phan-anh-kien-nghi/gui', path: '/phan-anh-kien-nghi/gui', ready: byTestId('feedback-form') },
  {
    name: 'feedback-public-item',
    route: '/phan-anh-kien-nghi/cong-khai/:code',
    path: (ids) => `/phan-anh-kien-nghi/cong-khai/${encodeURIComponent(ids.publicFeedbackCode)}`,
    ready: byTestId('public-feedback-answer'),
  },
  {
    name: 'feedback-sender',
    route: '/phan-anh-kien-nghi/:code',
    path: (ids) => `/phan-anh-kien-nghi/${encodeURIComponent(ids.citizenFeedbackCode)}`,
    as: 'citizen@example.vn',
    ready: byTestId('feedback-rating-form'),
  },
  { name: 'feedback-mine', route: '/phan-anh-kien-nghi/cua-toi', path: '/phan-anh-kien-nghi/cua-toi', as: 'citizen@example.vn', ready: byTestId('my-feedback-list') },
  // Government–citizen dialogue (issue 14 item 5): sessions and commitments, a held session, one open for questions.
  { name: 'dialogues-public', route: '/doi-thoai', path: '/doi-thoai', ready: byTestId('public-commitments') },
  { name: 'dialogue-public-held', route: '/doi-thoai/:id', path: (ids) => `/doi-thoai/${ids.heldDialogueId}`, ready: byTestId('public-session-minutes'), screenshot: true },
  { name: 'dialogue-public-ask', route: '/doi-thoai/:id', path: (ids) => `/doi-thoai/${ids.announcedDialogueId}`, ready: byTestId('ask-form') },
  // Back office.
  { name: 'login', route: '/admin/login', path: '/admin/login', ready: byTestId('demo-notice') },
  // A citizen who opens the back office is sent to their account (AdminLayout); scanned once it is there.
  { name: 'admin-as-citizen', route: '/tai-khoan', path: '/admin', as: 'citizen@example.vn', ready: byTestId('prefill') },
  { name: 'units', route: '/admin/units', path: '/admin/units', as: 'admin', ready: tableRow },
  { name: 'units-new-unit', route: '/admin/units', path: '/admin/units', as: 'admin', ready: tableRow, dialog: openDialog('create-unit') },
  { name: 'units-unit-admin', route: '/admin/units', path: '/admin/units', as: 'quantri.hacthanh', ready: tableRow },
  { name: 'officers', route: '/admin/officers', path: '/admin/officers', as: 'admin', ready: tableRow },
  { name: 'officers-new-officer', route: '/admin/officers', path: '/admin/officers', as: 'quantri.hacthanh', ready: tableRow, dialog: openDialog('create-officer') },
  { name: 'procedures', route: '/admin/procedures', path: '/admin/procedures', as: 'admin', ready: tableRow },
  { name: 'procedure-new', route: '/admin/procedures/new', path: '/admin/procedures/new', as: 'admin', ready: byTestId('save-procedure') },
  { name: 'procedure-quality', route: '/admin/procedures/quality', path: '/admin/procedures/quality', as: 'admin', ready: byTestId('quality-table') },
  { name: 'procedure-import', route: '/admin/procedures/import', path: '/admin/procedures/import', as: 'admin', ready: byTestId('run-import') },
  {
    name: 'procedure-editor',
    route: '/admin/procedures/:id',
    path: (ids) => `/admin/procedures/${ids.procedureVersionId}`,
    as: 'admin',
    // A draft can be saved; a published version offers a new version instead.
    ready: (p) => p.getByTestId('save-procedure').or(p.getByTestId('new-version')).first(),
  },
  { name: 'calendar', route: '/admin/calendar', path: '/admin/calendar', as: 'admin', ready: byTestId('year-select') },
  { name: 'calculator', route: '/admin/calendar/calculator', path: '/admin/calendar/calculator', as: 'tiepnhan.tinh', ready: byTestId('calculator-form') },
  { name: 'audit', route: '/admin/audit', path: '/admin/audit', as: 'admin', ready: tableRow },
  { name: 'outbox', route: '/admin/notifications', path: '/admin/notifications', as: 'admin', ready: tableRow },
  { name: 'dossier-queue', route: '/admin/dossiers', path: '/admin/dossiers', as: 'chuyenvien.stp', ready: byTestId('dossier-link'), screenshot: true, phoneScan: 'full' },
  { name: 'dossier-queue-leader', route: '/admin/dossiers', path: '/admin/dossiers?queue=unit', as: 'lanhdao.stp', ready: byTestId('dossier-link'), phoneScan: 'full' },
  { name: 'dossier-queue-desk', route: '/admin/dossiers', path: '/admin/dossiers?queue=unit', as: 'tiepnhan.tinh', ready: byTestId('dossier-link') },
  {
    name: 'online-desk-queue',
    route: '/admin/online-submissions',
    path: '/admin/online-submissions',
    as: 'tiepnhan.hacthanh',
    ready: (p) => p.getByTestId('desk-queue').locator('.ant-table-row').first(),
  },
  {
    name: 'online-desk-review',
    route: '/admin/online-submissions/:id',
    path: (ids) => `/admin/online-submissions/${ids.awaitingSubmissionId}`,
    as: 'tiepnhan.hacthanh',
    ready: byTestId('answers'),
    screenshot: true,
  },
  // A leader (caicach.snv is kept for e2e/admin/login-throttles.spec.ts, which needs an account 127.0.0.1 never signed in to).
  { name: 'ratings-summary', route: '/admin/ratings', path: '/admin/ratings', as: 'lanhdao.hacthanh', ready: byTestId('ratings-period') },
  { name: 'intake', route: '/admin/dossiers/intake', path: '/admin/dossiers/intake', as: 'tiepnhan.tinh', ready: byTestId('desk-unit') },
  { name: 'dossier-detail', route: '/admin/dossiers/:id', path: (ids) => `/admin/dossiers/${ids.dossierId}`, as: 'chuyenvien.stp', ready: byTestId('detail-code') },
  {
    name: 'dossier-action-dialog',
    route: '/admin/dossiers/:id',
    path: (ids) => `/admin/dossiers/${ids.dossierId}`,
    as: 'chuyenvien.stp',
    ready: byTestId('detail-code'),
    dialog: async (page) => {
      await page.getByTestId('actions').getByRole('button').first().click();
      const dialog = page.getByRole('dialog').last();
      await expect(dialog).toBeVisible();
      await expect(dialog).not.toHaveClass(/ant-zoom-(enter|appear)/);
      return dialog;
    },
  },
  { name: 'indicators', route: '/admin/indicators', path: '/admin/indicators', as: 'lanhdao.stp', ready: byTestId('indicator-on-time'), screenshot: true },
  {
    name: 'indicators-drill',
    route: '/admin/indicators',
    path: '/admin/indicators',
    as: 'lanhdao.stp',
    ready: byTestId('indicator-on-time'),
    dialog: async (page) => {
      await page.getByTestId('drill-indicator-received').click();
      const drawer = page.getByRole('dialog').last();
      await expect(drawer.getByTestId('indicator-dossier-link').first()).toBeVisible();
      return drawer;
    },
  },
  // The comparison of units (its chart and table), opened by its address.
  { name: 'indicators-by-unit', route: '/admin/indicators', path: '/admin/indicators?tab=unit', as: 'lanhdao.stp', ready: byTestId('indicators-by-unit') },
  // Decision 766's scorecard, opened by its address.
  { name: 'indicators-scorecard', route: '/admin/indicators', path: '/admin/indicators?tab=scorecard', as: 'lanhdao.stp', ready: byTestId('scorecard-groups'), screenshot: true },
  // Feedback in the back office (issue 14): the provincial office's queue and intake, an item with its actions.
  { name: 'feedback-queue', route: '/admin/feedback', path: '/admin/feedback', as: 'kiemsoat.vp', ready: (p) => p.getByTestId('feedback-queue').locator('.ant-table-row').first() },
  { name: 'feedback-intake', route: '/admin/feedback/new', path: '/admin/feedback/new', as: 'kiemsoat.vp', ready: byTestId('feedback-intake-form') },
  {
    name: 'feedback-detail',
    route: '/admin/feedback/:id',
    path: (ids) => `/admin/feedback/${ids.stpFeedbackId}`,
    as: 'chuyenvien.stp',
    ready: byTestId('feedback-actions'),
    screenshot: true,
  },
  { name: 'indicators-feedback', route: '/admin/indicators', path: '/admin/indicators?tab=feedback', as: 'lanhdao.stp', ready: byTestId('feedback-indicators-table') },
  {
    name: 'indicators-documents',
    route: '/admin/indicators',
    path: '/admin/indicators?tab=documents',
    as: 'lanhdao.stp',
    ready: byTestId('document-indicators-table'),
    screenshot: true,
  },
  {
    name: 'dialogues-admin',
    route: '/admin/dialogues',
    path: '/admin/dialogues',
    as: 'chuyenvien.stp',
    ready: (p) => p.getByTestId('dialogues-table').locator('.ant-table-row').first(),
  },
  { name: 'dialogue-admin', route: '/admin/dialogues/:id', path: (ids) => `/admin/dialogues/${ids.heldDialogueId}`, as: 'chuyenvien.stp', ready: byTestId('session-questions') },
  {
    name: 'commitments',
    route: '/admin/commitments',
    path: '/admin/commitments',
    as: 'chuyenvien.stp',
    ready: (p) => p.getByTestId('commitments-table').locator('.ant-table-row').first(),
  },
  // Official documents (issue 15): the registers, registering and drafting, one incoming and one issued outgoing document.
  {
    name: 'documents-incoming',
    route: '/admin/documents/incoming',
    path: '/admin/documents/incoming',
    as: 'vanthu.stp',
    ready: (p) => p.getByTestId('incoming-table').locator('.ant-table-row').first(),
    screenshot: true,
  },
  { name: 'documents-incoming-new', route: '/admin/documents/incoming/new', path: '/admin/documents/incoming/new', as: 'vanthu.stp', ready: byTestId('incoming-form') },
  {
    name: 'documents-incoming-detail',
    route: '/admin/documents/incoming/:id',
    path: (ids) => `/admin/documents/incoming/${ids.stpIncomingId}`,
    as: 'lanhdao.stp',
    ready: byTestId('incoming-facts'),
  },
  {
    name: 'documents-outgoing',
    route: '/admin/documents/outgoing',
    path: '/admin/documents/outgoing',
    as: 'lanhdao.stp',
    ready: (p) => p.getByTestId('outgoing-table').locator('.ant-table-row').first(),
  },
  { name: 'documents-outgoing-new', route: '/admin/documents/outgoing/new', path: '/admin/documents/outgoing/new', as: 'lanhdao.stp', ready: byTestId('outgoing-form') },
  {
    name: 'documents-outgoing-detail',
    route: '/admin/documents/outgoing/:id',
    path: (ids) => `/admin/documents/outgoing/${ids.stpIssuedOutgoingId}`,
    as: 'vanthu.stp',
    ready: byTestId('outgoing-number'),
    screenshot: true,
  },
  { name: 'documents-settings', route: '/admin/documents/settings', path: '/admin/documents/settings', as: 'admin', ready: byTestId('settings-form'), screenshot: true },
  { name: 'admin-not-found', route: '/admin/*', path: '/admin/khong-co-trang-nay', as: 'admin' },
];

/** The skip link's name in Vietnamese (the default language). */
const SKIP_LINK = 'Chuyển đến nội dung chính';
/** The title index.html ships before the app names the page. */
const DEFAULT_TITLE = 'Một cửa — Cổng dịch vụ công';

type Cookies = Awaited<ReturnType<APIRequestContext['storageState']>>['cookies'];

/**
 * Sessions and demo ids, kept in a file per server: Playwright starts a new worker after each failed test, and signing
 * in again for every scan would run into the login rate limit (20 a minute).
 */
const CACHE_FILE = path.join('.tmp', `a11y-cache-${process.env.E2E_A11Y_PORT}.json`);
interface Cache {
  ids?: DemoIds;
  sessions: Record<string, Cookies>;
}
const readCache = (): Cache => (fs.existsSync(CACHE_FILE) ? (JSON.parse(fs.readFileSync(CACHE_FILE, 'utf8')) as Cache) : { sessions: {} });
/** Written whole and renamed into place: the scans run in two workers, and neither may read a half-written file. */
const writeCache = (cache: Cache) => {
  const partial = `${CACHE_FILE}.${process.pid}`;
  fs.writeFileSync(partial, JSON.stringify(cache));
  fs.renameSync(partial, CACHE_FILE);
};

/** An API context signed in as `login`, reusing the cached session cookies when there are some. */
async function signedIn(newContext: (cookies?: Cookies) => Promise<APIRequestContext>, login: string): Promise<APIRequestContext> {
  const cache = readCache();
  const cached = cache.sessions[login];
  if (cached) return newContext(cached);
  const request = await newContext();
  await apiLogin(request, login);
  cache.sessions[login] = (await request.storageState()).cookies;
  writeCache(cache);
  return request;
}

/** Finds a dossier the specialist can act on and a procedure version the administrator can edit. */
async function findDemoIds(specialist: APIRequestContext, admin: APIRequestContext, citizen: APIRequestContext): Promise<DemoIds> {
  const queue = (await (await specialist.get('/api/v1/dossiers', { params: { queue: 'mine', pageSize: 20 } })).json()) as { items: Array<{ id: string; code: string }> };
  let dossier: { id: string; code: string } | undefined;
  for (const item of queue.items) {
    const detail = (await (await specialist.get(`/api/v1/dossiers/${item.id}`)).json()) as { allowedTransitions: unknown[] };
    if (detail.allowedTransitions.length > 0) {
      dossier = item;
      break;
    }
  }
  expect(dossier, 'a demo dossier chuyenvien.stp can act on').toBeTruthy();
  // A published version of a procedure the demo catalog always has (the list's own order moves as drafts change).
  const versions = (await (await admin.get('/api/v1/catalog/admin/procedures', { params: { q: '1.004837', pageSize: 20 } })).json()) as {
    items: Array<{ id: string; status: string }>;
  };
  const published = versions.items.find((v) => v.status === 'published');
  expect(published, 'the published version of 1.004837').toBeTruthy();
  const mine = (await (await citizen.get('/api/v1/citizen/dossiers')).json()) as { items: Array<{ id: string }> };
  expect(mine.items.length, 'demo dossiers of citizen@example.vn').toBeGreaterThan(0);
  const online = (await (await citizen.get('/api/v1/catalog/procedures/1.001193')).json()) as { procedureId: string };
  expect(online.procedureId, 'the demo procedure 1.001193').toBeTruthy();
  const applications = (await (await citizen.get('/api/v1/submissions')).json()) as { items: Array<{ id: string; state: string }> };
  const guided = applications.items.find((a) => a.state === 'GUIDED');
  const awaiting = applications.items.find((a) => a.state === 'SUBMITTED');
  expect(guided && awaiting, "the demo citizen's applications (submissions demo seed)").toBeTruthy();
  const accepted = applications.items.find((a) => a.state === 'ACCEPTED');
  expect(accepted, "the demo citizen's application received awaiting its fee").toBeTruthy();
  const feeDossier = ((await (await citizen.get(`/api/v1/submissions/${accepted!.id}`)).json()) as { dossier: { id: string } }).dossier;
  const publicFeedback = ((await (await citizen.get('/api/v1/feedback/public')).json()) as { items: Array<{ code: string }> }).items[0];
  const citizenFeedback = ((await (await citizen.get('/api/v1/feedback/mine')).json()) as { items: Array<{ code: string; state: string }> }).items.find(
    (f) => f.state === 'ANSWERED',
  );
  const stpFeedback = ((await (await specialist.get('/api/v1/feedback/queue', { params: { state: 'IN_PROGRESS' } })).json()) as { items: Array<{ id: string }> }).items[0];
  const sessions = ((await (await citizen.get('/api/v1/dialogues/public/sessions')).json()) as { items: Array<{ id: string; state: string }> }).items;
  const heldDialogue = sessions.find((d) => d.state === 'HELD' || d.state === 'CLOSED');
  const announcedDialogue = sessions.find((d) => d.state === 'ANNOUNCED');
  expect(heldDialogue && announcedDialogue, 'the dialogues demo seed: a held session and one open for questions').toBeTruthy();
  expect(publicFeedback && citizenFeedback && stpFeedback, 'the feedback demo seed: a published item, the citizen’s answer, an item in progress at Sở Tư pháp').toBeTruthy();
  // Sở Tư pháp's registers as its clerk reads them (the documents pages are scanned as vanthu.stp and lanhdao.stp).
  const clerk = await signedIn(newApiContext, 'vanthu.stp');
  const stpIncoming = ((await (await clerk.get('/api/v1/documents/incoming', { params: { pageSize: 1 } })).json()) as { items: Array<{ id: string }> }).items[0];
  const stpIssuedOutgoing = ((await (await clerk.get('/api/v1/documents/outgoing', { params: { state: 'ISSUED', pageSize: 1 } })).json()) as { items: Array<{ id: string }> })
    .items[0];
  await clerk.dispose();
  expect(stpIncoming && stpIssuedOutgoing, 'the documents demo seed: an incoming document and an issued outgoing one at Sở Tư pháp').toBeTruthy();
  return {
    dossierId: dossier!.id,
    dossierCode: dossier!.code,
    procedureVersionId: published!.id,
    citizenDossierId: mine.items[0]!.id,
    onlineProcedureId: online.procedureId,
    guidedSubmissionId: guided!.id,
    awaitingSubmissionId: awaiting!.id,
    feeDossierId: feeDossier.id,
    publicFeedbackCode: publicFeedback!.code,
    citizenFeedbackCode: citizenFeedback!.code,
    stpFeedbackId: stpFeedback!.id,
    heldDialogueId: heldDialogue!.id,
    announcedDialogueId: announcedDialogue!.id,
    stpIncomingId: stpIncoming!.id,
    stpIssuedOutgoingId: stpIssuedOutgoing!.id,
  };
}

/** Waits for the page's data and for antd's spinners, skeletons and animations to finish. */
async function settle(page: Page, entry: A11yPage): Promise<void> {
  // Generous: a lazily loaded page and its first query on a loaded CI machine.
  if (entry.ready) await expect(entry.ready(page)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.ant-spin-spinning, .ant-skeleton-active')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
}

let ids: DemoIds;

let newApiContext: (cookies?: Cookies) => Promise<APIRequestContext>;

test.beforeAll(async ({ playwright, baseURL }) => {
  newApiContext = (cookies) => playwright.request.newContext({ baseURL, storageState: { cookies: cookies ?? [], origins: [] } });
  const cache = readCache();
  if (!cache.ids) {
    const [specialist, admin, citizen] = [
      await signedIn(newApiContext, 'chuyenvien.stp'),
      await signedIn(newApiContext, 'admin'),
      await signedIn(newApiContext, 'citizen@example.vn'),
    ];
    const found = await findDemoIds(specialist, admin, citizen);
    await Promise.all([specialist.dispose(), admin.dispose(), citizen.dispose()]);
    writeCache({ ...readCache(), ids: found });
  }
  ids = readCache().ids!;
});

/** Signs the page's browser context in as `login` (the cached session). */
async function signIn(page: Page, login: string): Promise<void> {
  const request = await signedIn(newApiContext, login);
  await page.context().addCookies((await request.storageState()).cookies);
  await request.dispose();
}

/** The widths every page is scanned at (issue 11 item 9): a desktop and a phone. */
const WIDTHS = [1280, 390] as const;
const viewportOf = (width: number) => ({ width, height: width > 500 ? 800 : 844 });

/** Scans the page as it is now, at `width`: structure (soft), the skip link, then axe; or the dialog `entry` opens. */
async function scanAt(page: Page, entry: A11yPage, width: number, testInfo: TestInfo): Promise<void> {
  const scanName = `${entry.name}-${width}`;
  // The full axe scan runs at the desktop width. At the phone width most pages' content is the same markup laid out
  // narrower (reflow is checked below by the overflow test), so axe scans what the layout changes with the width — the
  // header with its menu button and the side menu — or the open dialog; a page that renders other components on a
  // phone says so (`phoneScan`) and is scanned whole. This halves the lane's time without leaving a width unscanned.
  const phone = width < 500 && entry.phoneScan !== 'full';
  if (entry.dialog) {
    const dialog = await entry.dialog(page);
    await expectNoSeriousA11yViolations(page, testInfo, scanName, phone ? { include: ['[role="dialog"]'] } : {});
    if (width < 500) expect((await dialog.boundingBox())!.width).toBeLessThanOrEqual(width);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    return;
  }

  if (entry.screenshot) await attachScreenshot(page, testInfo, `a11y-${entry.name}-${width}`);

  // Structure first, as soft checks, so one run lists everything a page lacks; the page has settled, so no waiting.
  expect.soft(await page.locator('html').getAttribute('lang'), 'lang of <html>').toBe('vi');
  const h1s = await page.locator('h1').allInnerTexts();
  expect.soft(h1s.length, 'exactly one h1').toBe(1);
  expect.soft(h1s.join('').trim(), 'the h1 names the page').not.toBe('');
  const title = await page.title();
  expect.soft(title, 'the page names itself: "<page> — <product>"').toMatch(/^\S.* — \S/);
  expect.soft(title, 'a title of its own, not the default').not.toBe(DEFAULT_TITLE);
  recordTitle(scanName, { route: entry.route, title });
  if (width < 500) {
    const overflow = await horizontalOverflow(page);
    const culprits = overflow.scrollWidth > overflow.clientWidth ? await overflowingElements(page) : [];
    expect.soft(overflow.scrollWidth, `no horizontal scrolling at 390 px; sticking out: ${culprits.join('; ')}`).toBeLessThanOrEqual(overflow.clientWidth);
  }

  // The skip link comes first in the tab order, shows when focused and moves focus to the main content.
  const skip = page.getByRole('link', { name: SKIP_LINK });
  const firstTabbable = page.locator('a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])').first();
  expect.soft(((await firstTabbable.textContent().catch(() => '')) ?? '').trim(), 'the skip link is the first stop of the tab order').toBe(SKIP_LINK);
  if ((await skip.count()) === 1) {
    await skip.focus();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main-content')).toBeFocused();
  } else expect.soft(await skip.count(), 'one skip link').toBe(1);

  await expectNoSeriousA11yViolations(page, testInfo, scanName, phone ? await phoneLayoutScope(page) : {});
}

for (const entry of A11Y_PAGES) {
  // One test per page: loaded once at the first width, then the window narrowed to each other width, as a phone's
  // layout follows it (Ant Design's breakpoints listen to the media queries). A page whose phone layout only a fresh
  // load gives says so (`phoneLoad`) and is reloaded; the window no longer reloads for every page (CI time).
  test(`${entry.name} meets WCAG 2.1 AA at ${WIDTHS.join(' and ')} px`, async ({ page }, testInfo) => {
    if (entry.as) await signIn(page, entry.as);
    for (const [i, width] of WIDTHS.entries()) {
      await page.setViewportSize(viewportOf(width));
      if (i === 0) await page.goto(typeof entry.path === 'string' ? entry.path : entry.path(ids));
      else if (entry.phoneLoad) await page.reload();
      await settle(page, entry);
      await test.step(`at ${width} px`, () => scanAt(page, entry, width, testInfo));
    }
  });
}

/** Presses Tab until `target` has the focus (at most `max` times); fails with the element that has it otherwise. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
  }
  const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached the target; focus is on ${active}`);
}

test('a visitor tracks a dossier and an officer signs in and opens a dossier with the keyboard alone', async ({ page }) => {
  await test.step('lookup: skip link, navigation link, code, result announced and focused', async () => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: /\d+ thủ tục/ }).first()).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: SKIP_LINK })).toBeFocused();
    await tabTo(page, page.getByRole('link', { name: 'Tra cứu hồ sơ' }));
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/tra-cuu$/);
    await expect(page.getByLabel('Mã hồ sơ')).toBeFocused();
    await page.keyboard.type(ids.dossierCode);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('lookup-result')).toBeVisible();
    // Screen readers hear the outcome (a polite live region) and the focus lands on it, not on the body.
    await expect(page.getByTestId('lookup-status-live')).toHaveAttribute('aria-live', 'polite');
    await expect(page.getByTestId('lookup-status-live')).toContainText(ids.dossierCode);
    await expect(page.getByTestId('lookup-code')).toBeFocused();
  });

  await test.step('back office: sign in, open a dossier from the queue, open and close an action dialog', async () => {
    await page.goto('/admin/login');
    await expect(page.getByLabel('Tên đăng nhập', { exact: false }).first()).toBeFocused();
    await page.keyboard.type('chuyenvien.stp');
    await page.keyboard.press('Tab');
    await page.keyboard.type('MotCua@2026');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/admin\/dossiers/);
    const link = page.getByTestId('dossier-link').first();
    await expect(link).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: SKIP_LINK })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main#main-content')).toBeFocused();
    await tabTo(page, link, 80);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/admin\/dossiers\/[0-9a-f-]{36}$/);
    await expect(page.locator('h1')).toBeVisible();
    const action = page.getByTestId('actions').getByRole('button').first();
    await tabTo(page, action, 60);
    // The focused control shows a visible outline (WCAG 2.4.7).
    expect(await action.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog').last();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(action).toBeFocused();
  });
});

test('the language switch sets the lang of the page and translates its title', async ({ page }) => {
  await page.goto('/tra-cuu');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page).toHaveTitle('Tra cứu hồ sơ — Cổng dịch vụ công tỉnh Thanh Hóa');
  await page.getByText('EN', { exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Track a dossier — Thanh Hóa Public Service Portal');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toHaveCount(1);
  // The choice is remembered: the next page opens in English.
  await page.goto('/thu-tuc');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Administrative procedures — Thanh Hóa Public Service Portal');
});
