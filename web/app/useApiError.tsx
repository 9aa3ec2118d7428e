import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api';
import { applyFieldErrors } from './form-errors';

/**
 * Returns a handler that shows an API failure: per-field errors on the form (keeping what the user typed),
 * the server's translated message as a toast, and any field error with no matching input in a notification.
 */
export function useApiError() {
  const { message, notification } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (error: unknown, form?: FormInstance, rename?: Record<string, string>) => {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (!(error instanceof ApiError)) {
        console.error(error);
        void message.error(t('common.errors.unknown'));
        return;
      }
      const unmatched = form ? applyFieldErrors(form, error, rename) : error.fields;
      if (unmatched.length > 0) {
        notification.error({
          title: error.message,
          description: (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {unmatched.map((f) => (
                <li key={`${f.path}:${f.code}`}>{f.message}</li>
              ))}
            </ul>
          ),
        });
      } else {
        void message.error(error.message);
      }
    },
    [message, notification, t],
  );
}
