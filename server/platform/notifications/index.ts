import { notificationJobs } from './notifications.jobs';
import type { ModuleManifest } from '../http/module';
import { channelsFromEnv, configureNotificationChannels } from './notifications.channels';
import { notificationsRoutes } from './notifications.routes';

export {
  enqueueNotification,
  enqueueNotifications,
  emailOfficers,
  deliverNotification,
  claimNotification,
  sweepNotifications,
  OUTBOX,
  type NotificationMessage,
  type NotificationRequest,
  type NotificationContacts,
  type ChannelPreference,
  type NotificationChannel,
  type NotificationStatus,
  type DeliveryOutcome,
} from './notifications.outbox';
export {
  declareNotificationTemplate,
  registerNotificationTemplate,
  hasNotificationTemplate,
  renderNotification,
  renderZaloData,
  hasZaloMapping,
  REDACTED,
  TemplateError,
  type NotificationTemplate,
  type ZaloTemplateMapping,
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
  developmentZaloChannel,
  PermanentDeliveryError,
  type MailTransport,
  type SmsChannel,
  type ZaloChannel,
  type OutgoingMail,
  type OutgoingSms,
  type OutgoingZalo,
  type SendReceipt,
  type NotificationChannels,
} from './notifications.channels';
export { createSmtpTransport, type SmtpSettings } from './smtp-transport';
export { createBrandnameSmsChannel, type SmsGatewaySettings } from './sms-gateway';
export { createZaloZnsChannel, parseZaloTemplates, type ZaloZnsSettings } from './zalo-zns';
export { vnMobileNumber } from './phone';
export { prepareSms, toGsm7, withoutDiacritics, type PreparedSms } from './sms-text';
export { notificationsOutbox } from './notifications.tables';
export { OUTBOX_READ_ACTION } from './notifications.policy';

/** Messages to citizens and officers: transactional outbox, delivery jobs, and the outbox page's API. */
export const notificationsModule: ModuleManifest = {
  key: 'notifications',
  jobs: notificationJobs,
  routes: notificationsRoutes,
  // Reads the SMTP_*, SMS_* and ZALO_* settings once per app build, so a wrong or half-set configuration stops
  // start-up instead of the first send.
  register: () => configureNotificationChannels(channelsFromEnv(process.env)),
};
