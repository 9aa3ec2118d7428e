import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { hasAction } from '../../app/admin-menu';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../identity/identity.api';
import { MismatchesTab } from './MismatchesTab';
import { PAYMENT_ACTIONS } from './payments.types';
import { StatementImportTab } from './StatementImportTab';
import { TransactionsTab } from './TransactionsTab';

const TABS = ['transactions', 'statement', 'mismatches'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/admin/payments`: the finance officer's online payments (issue 13) — the attempts with their state and receipts,
 * and, for those who reconcile, the import of the gateway's daily statement and the mismatches it shows.
 */
export function PaymentsPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const canReconcile = hasAction(me?.actions, PAYMENT_ACTIONS.reconcile);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = canReconcile && (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'transactions';
  const show = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'transactions') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('payments.admin.title')} subtitle={t('payments.admin.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={show}
        destroyOnHidden
        items={[
          { key: 'transactions', label: <span data-testid="payments-tab-transactions">{t('payments.admin.tabs.transactions')}</span>, children: <TransactionsTab /> },
          ...(canReconcile
            ? [
                {
                  key: 'statement',
                  label: <span data-testid="payments-tab-statement">{t('payments.admin.tabs.statement')}</span>,
                  children: <StatementImportTab onShowMismatches={() => show('mismatches')} />,
                },
                { key: 'mismatches', label: <span data-testid="payments-tab-mismatches">{t('payments.admin.tabs.mismatches')}</span>, children: <MismatchesTab /> },
              ]
            : []),
        ]}
      />
    </>
  );
}
