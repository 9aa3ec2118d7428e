/** A failure that retrying will not fix (rejected address, unknown template): the message is marked failed at once. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
