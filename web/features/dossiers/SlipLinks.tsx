import { Button, Flex } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { slipUrl, type DossierSlip } from './dossiers.api';
import type { DossierDetail } from './dossiers.types';

/** The slips this dossier has (Mẫu 01–06 PDF), each opened in a new tab. */
export function SlipLinks({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  const slips: DossierSlip[] = ['receipt'];
  if (d.supplementRequests.length > 0) slips.push('supplement-request');
  if (d.apology) slips.push('apology');
  if (d.stopNotice) slips.push('stop-notice');
  slips.push('control');
  return (
    <Flex vertical gap={6} align="flex-start" data-testid="slips">
      {slips.map((s) => (
        <Button
          key={s}
          type="link"
          icon={<FilePdfOutlined />}
          href={slipUrl(d.id, s)}
          target="_blank"
          rel="noopener"
          style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          data-testid={`slip-${s}`}
        >
          {t(`dossiers.slips.${s}`)}
        </Button>
      ))}
    </Flex>
  );
}
