// The outbox holds citizens' addresses and message texts. Its policy is defined by the module that owns the roles
// (platform knows none); only this action name lives here.
/** Reading the notification outbox. */
export const OUTBOX_READ_ACTION = 'notifications.outbox.read';
