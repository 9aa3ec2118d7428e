import { Button, Flex, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { slipUrl } from './dossiers.api';
import type { DossierDetail } from './dossiers.types';

/**
 * The slips this dossier has (Mẫu 01–06 PDF), each opened in a new tab, with the number it prints: issued with the act
 * it records, so it shows here before anyone prints it (D14).
 */
export function SlipLinks({ dossier: d }: { dossier: DossierDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6} align="flex-start" data-testid="slips">
      {d.slips.map(({ slip, reference }) => (
        <div key={slip}>
          <Button
            type="link"
            icon={<FilePdfOutlined />}
            href={slipUrl(d.id, slip)}
            target="_blank"
            rel="noopener"
            style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            data-testid={`slip-${slip}`}
          >
            {t(`dossiers.slips.${slip}`)}
          </Button>
          <Typography.Text type="secondary" style={{ display: 'block', paddingInlineStart: 22, fontSize: 12 }} data-testid={`slip-number-${slip}`}>
            {reference ? t('dossiers.slips.number', { number: reference }) : t('dossiers.slips.numberAtFirstPrint')}
          </Typography.Text>
        </div>
      ))}
    </Flex>
  );
}
