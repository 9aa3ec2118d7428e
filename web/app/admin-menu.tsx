import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudSyncOutlined,
  CloudUploadOutlined,
  CommentOutlined,
  DashboardOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  FileSyncOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  FormOutlined,
  InboxOutlined,
  MailOutlined,
  MessageOutlined,
  SettingOutlined,
  SmileOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';

/** One back-office menu entry; shown when the user holds any of `actions` (policy actions from GET /me). */
export interface AdminMenuItem {
  key: string;
  path: string;
  labelKey: string;
  icon: ReactNode;
  actions: string[];
}

/** The back-office menu in display order. */
export const ADMIN_MENU: AdminMenuItem[] = [
  { key: 'units', path: '/admin/units', labelKey: 'common.menu.units', icon: <ApartmentOutlined />, actions: ['identity.org-units.list'] },
  // Intake before the queues: the menu highlights the first entry whose path prefixes the URL.
  { key: 'dossier-intake', path: '/admin/dossiers/intake', labelKey: 'dossiers.menu.intake', icon: <InboxOutlined />, actions: ['dossiers.intake'] },
  { key: 'online-submissions', path: '/admin/online-submissions', labelKey: 'submissions.menu.desk', icon: <CloudUploadOutlined />, actions: ['submissions.review'] },
  { key: 'dossiers', path: '/admin/dossiers', labelKey: 'dossiers.menu.queues', icon: <FolderOpenOutlined />, actions: ['dossiers.list'] },
  { key: 'officers', path: '/admin/officers', labelKey: 'common.menu.officers', icon: <TeamOutlined />, actions: ['identity.users.list'] },
  // The worklist first: the menu highlights the first entry whose path prefixes the URL.
  { key: 'procedure-quality', path: '/admin/procedures/quality', labelKey: 'catalog.quality.menu', icon: <ExceptionOutlined />, actions: ['catalog.procedures.manage'] },
  { key: 'procedures', path: '/admin/procedures', labelKey: 'common.menu.procedures', icon: <FileTextOutlined />, actions: ['catalog.procedures.manage'] },
  // The calculator first: the menu highlights the first entry whose path prefixes the URL.
  { key: 'calculator', path: '/admin/calendar/calculator', labelKey: 'calendar.menu.calculator', icon: <CalculatorOutlined />, actions: ['calendar.read'] },
  { key: 'calendar', path: '/admin/calendar', labelKey: 'calendar.menu.calendar', icon: <CalendarOutlined />, actions: ['calendar.read', 'calendar.manage'] },
  // Intake before the queue: the menu highlights the first entry whose path prefixes the URL.
  { key: 'feedback-intake', path: '/admin/feedback/new', labelKey: 'feedback.menu.intake', icon: <FormOutlined />, actions: ['feedback.intake'] },
  { key: 'feedback', path: '/admin/feedback', labelKey: 'feedback.menu.queue', icon: <MessageOutlined />, actions: ['feedback.read'] },
  { key: 'dialogues', path: '/admin/dialogues', labelKey: 'dialogues.menu.sessions', icon: <CommentOutlined />, actions: ['dialogues.read'] },
  { key: 'commitments', path: '/admin/commitments', labelKey: 'dialogues.menu.commitments', icon: <CheckSquareOutlined />, actions: ['dialogues.read'] },
  // Official documents (issue 15): the incoming and outgoing registers of the officer's units.
  { key: 'documents-incoming', path: '/admin/documents/incoming', labelKey: 'documents.menu.incoming', icon: <FileSyncOutlined />, actions: ['documents.read'] },
  { key: 'documents-outgoing', path: '/admin/documents/outgoing', labelKey: 'documents.menu.outgoing', icon: <FileDoneOutlined />, actions: ['documents.read'] },
  // The body's abbreviation and numbering series: for its administrators (documents.policy.ts manageSettings).
  { key: 'documents-settings', path: '/admin/documents/settings', labelKey: 'documents.menu.settings', icon: <SettingOutlined />, actions: ['documents.settings.manage'] },
  { key: 'indicators', path: '/admin/indicators', labelKey: 'dashboards.menu.indicators', icon: <DashboardOutlined />, actions: ['dashboards.indicators.read'] },
  { key: 'ratings', path: '/admin/ratings', labelKey: 'ratings.menu.summary', icon: <SmileOutlined />, actions: ['ratings.summary.read'] },
  { key: 'payments', path: '/admin/payments', labelKey: 'payments.menu.transactions', icon: <WalletOutlined />, actions: ['payments.transactions.read'] },
  { key: 'audit', path: '/admin/audit', labelKey: 'common.menu.audit', icon: <AuditOutlined />, actions: ['audit.events.list'] },
  { key: 'notifications', path: '/admin/notifications', labelKey: 'notifications.menu.outbox', icon: <MailOutlined />, actions: ['notifications.outbox.read'] },
  { key: 'exchange', path: '/admin/exchange', labelKey: 'exchange.menu.outbox', icon: <CloudSyncOutlined />, actions: ['exchange.outbox.read'] },
];

/** Menu entries the user may open. */
export function allowedMenu(actions: readonly string[]): AdminMenuItem[] {
  const held = new Set(actions);
  return ADMIN_MENU.filter((item) => item.actions.some((a) => held.has(a)));
}

/**
 * Where `/admin` (and the login) takes the user: the page of their daily work. Administrators (who manage accounts)
 * start at their first menu entry; reception officers at the desk; leaders and the reform office at the indicators
 * (issue 12 item 4: a leader lands on the unit's dashboard with what needs a decision, the reform office on the
 * province's); specialists at their queue; everyone else at their first menu entry.
 */
export function homeEntry(actions: readonly string[], roles: readonly string[] = []): AdminMenuItem | undefined {
  const menu = allowedMenu(actions);
  const entry = (key: string) => menu.find((m) => m.key === key);
  if (!actions.includes('identity.users.list')) {
    if (roles.includes('reception-officer') && entry('dossier-intake')) return entry('dossier-intake');
    // The clerk (văn thư) keeps the registers: the incoming one first (issue 15).
    if (roles.includes('clerk') && entry('documents-incoming')) return entry('documents-incoming');
    if ((roles.includes('leader') || roles.includes('reform-office')) && entry('indicators')) return entry('indicators');
    const work = entry('dossier-intake') ?? entry('dossiers');
    if (work) return work;
  }
  return menu[0];
}

/**
 * The shell's title for the user's work (issue 9 item 8: not "Quản trị" for a desk officer): administration for
 * account and catalogue administrators, the desk for reception officers, handling for specialists and leaders,
 * monitoring for the reform office. The first role in that order wins.
 */
export function shellTitleKey(roles: readonly string[]): string {
  if (roles.includes('system-admin') || roles.includes('unit-admin')) return 'common.app.titles.admin';
  if (roles.includes('reception-officer')) return 'common.app.titles.desk';
  if (roles.includes('specialist') || roles.includes('leader')) return 'common.app.titles.handling';
  if (roles.includes('reform-office')) return 'common.app.titles.monitoring';
  if (roles.includes('clerk')) return 'documents.app.shellTitle';
  return 'common.app.adminTitle';
}

/** Whether the user holds a policy action somewhere. */
export function hasAction(actions: readonly string[] | undefined, action: string): boolean {
  return !!actions?.includes(action);
}
