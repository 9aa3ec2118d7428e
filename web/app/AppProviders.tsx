import { useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import viVN from 'antd/locale/vi_VN';
import enUS from 'antd/locale/en_US';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, setCsrfToken } from './api';
import { appTheme } from '../ui/theme';
import { useFocusableScrollRegions } from '../ui/useFocusableScrollRegions';

type ErrorSink = (error: unknown, kind: 'query' | 'mutation', silent: boolean) => void;
let sink: ErrorSink = () => undefined;

const queryClient = new QueryClient({
  // Queries whose page shows the error itself set `meta: { silent: true }`.
  queryCache: new QueryCache({ onError: (error, query) => sink(error, 'query', query.meta?.silent === true) }),
  mutationCache: new MutationCache({ onError: (error) => sink(error, 'mutation', true) }),
  defaultOptions: {
    queries: {
      // Client errors (401, 403, 404, validation) will not change on retry; only network/server failures are retried once.
      retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

/** A session that ends (expired, revoked, signed out elsewhere) answers 401: forget the user so the shell asks to sign in again. */
function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'INVALID_CREDENTIALS';
}

/**
 * Shows failed reads as a toast (pages only render empty states) and reacts to a lost session;
 * failed writes are shown by the form that sent them (useApiError).
 */
function QueryErrorBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    sink = (error, _kind, silent) => {
      if (isSessionLost(error)) {
        setCsrfToken(null);
        queryClient.setQueryData(['identity', 'me'], null);
      }
      if (!silent && error instanceof ApiError) void message.error({ content: error.message, key: error.code });
    };
    return () => {
      sink = () => undefined;
    };
  }, [message]);
  return null;
}

/** Data, language and antd providers around the whole app; antd's locale follows the i18n language. */
export function AppProviders({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  useFocusableScrollRegions();
  return (
    <QueryClientProvider client={queryClient}>
      {/* Search boxes' button holds only an icon: it is named here once for all of them (WCAG 4.1.2). */}
      <ConfigProvider locale={i18n.language === 'en' ? enUS : viVN} theme={appTheme} inputSearch={{ searchIcon: <SearchOutlined aria-label={t('common.actions.search')} /> }}>
        <AntApp>
          <QueryErrorBridge />
          {children}
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
