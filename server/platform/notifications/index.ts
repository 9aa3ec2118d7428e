import { notificationJobs } from './notifications.jobs';
import type { ModuleManifest } from '../http/module';
import { channelsFromEnv, configureNotificationChannels } from './notifications.channels';
import { notificationsRoutes } from './notifications.routes';

export {
  enqueueNotification,
  deliverNotification,
  claimNotification,
  sweepNotifications,
  OUTBOX,
  type NotificationMessage,
  type NotificationChannel,
  type NotificationStatus,
  type DeliveryOutcome,
} from './notifications.outbox';
export {
  declareNotificationTemplate,
  registerNotificationTemplate,
  hasNotificationTemplate,
  renderNotification,
  REDACTED,
  TemplateError,
  type NotificationTemplate,
  type NotificationTemplateDeclaration,
  type NotificationTemplateOptions,
  type RenderedNotification,
} from './notifications.templates';
export {
  configureNotificationChannels,
  notificationChannels,
  channelsFromEnv,
  developmentMailTransport,
  developmentSmsChannel,
  PermanentDeliveryError,
  type MailTransport,
  type SmsChannel,
  type OutgoingMail,
  type OutgoingSms,
  type NotificationChannels,
} from './notifications.channels';
export { createSmtpTransport, type SmtpSettings } from './smtp-transport';
export { notificationsOutbox } from './notifications.tables';
export { OUTBOX_READ_ACTION } from './notifications.policy';

/** Messages to citizens and officers: transactional outbox, delivery jobs, and the outbox page's API. */
export const notificationsModule: ModuleManifest = {
  key: 'notifications',
  jobs: notificationJobs,
  routes: notificationsRoutes,
  // Reads SMTP_URL / MAIL_FROM once per app build, so a wrong mail configuration stops start-up instead of the first send.
  register: () => configureNotificationChannels(channelsFromEnv(process.env)),
};
