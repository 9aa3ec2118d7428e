import { useMemo, useState } from 'react';
import { Button, DatePicker, Form, Modal, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe, useOrgUnitTree } from '../identity/identity.api';
import type { OrgUnitNode } from '../identity/identity.types';
import { OrgUnitTreeSelect } from '../identity/OrgUnitTreeSelect';
import { trackingBookUrl } from './dossiers.api';

/** The first unit of a kind in the tree, depth first (the province's centre sits near the top). */
function firstOfKind(nodes: readonly OrgUnitNode[], kind: string): string | null {
  for (const n of nodes) {
    if (n.kind === kind) return n.id;
    const below = firstOfKind(n.children, kind);
    if (below) return below;
  }
  return null;
}

/** Picks a receiving unit and a period and downloads its tracking book (Mẫu 07, Excel). */
export function TrackingBookModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data: tree } = useOrgUnitTree();
  // The book is kept per reception desk (Mẫu 07): default to the officer's own desk, else the first public service
  // centre — never the officer's department, whose book would be empty (issue 9 item 8).
  const desk = useMemo(
    () => me?.grants.find((g) => g.role === 'reception-officer')?.orgUnitId ?? (tree ? firstOfKind(tree.items, 'service-center') : null) ?? me?.grants[0]?.orgUnitId ?? null,
    [me, tree],
  );
  const [unitId, setUnitId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('month'), dayjs()]);
  const unit = unitId ?? desk;
  const url = unit ? trackingBookUrl({ receivingUnitId: unit, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }) : null;

  return (
    <Modal
      open={open}
      title={t('dossiers.book.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('dossiers.actions.close')}
        </Button>,
        <Button key="download" type="primary" icon={<DownloadOutlined />} href={url ?? undefined} disabled={!url} download data-testid="download-book">
          {t('dossiers.book.download')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('dossiers.book.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('dossiers.book.unit')}>
          <OrgUnitTreeSelect value={unit} onChange={(v) => setUnitId(typeof v === 'string' ? v : null)} allowClear={false} />
        </Form.Item>
        <Form.Item label={t('dossiers.book.period')}>
          <DatePicker.RangePicker
            value={range}
            format="DD/MM/YYYY"
            allowClear={false}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
