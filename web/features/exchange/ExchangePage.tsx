import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { InboundView } from './InboundView';
import { OutboxView } from './OutboxView';

const TABS = ['outbox', 'inbound'] as const;
type Tab = (typeof TABS)[number];

/**
 * `/admin/exchange`: the system administrator's view of the exchange with the national public-service portal (DVCQG,
 * issue 13 item 5), both ways — the status changes sent to the portal, and the dossiers citizens submitted there that
 * the province picked up. The tab is in the address (`?tab=inbound`) so a view can be linked.
 */
export function ExchangePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(asked ?? '') ? (asked as Tab) : 'outbox';
  const show = (key: string) => {
    const next = new URLSearchParams(params);
    if (key === 'outbox') next.delete('tab');
    else next.set('tab', key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t('exchange.page.title')} subtitle={t('exchange.page.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={show}
        // Only the shown list is polled; the other one is read afresh when its tab is opened.
        destroyOnHidden
        items={[
          { key: 'outbox', label: <span data-testid="exchange-tab-outbox">{t('exchange.tabs.outbox')}</span>, children: <OutboxView /> },
          { key: 'inbound', label: <span data-testid="exchange-tab-inbound">{t('exchange.tabs.inbound')}</span>, children: <InboundView /> },
        ]}
      />
    </>
  );
}
