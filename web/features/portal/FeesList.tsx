import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Fee } from '../catalog/catalog.types';
import { formatVnd } from '../catalog/format';

/**
 * Fees per channel, once each (issue 9 item 9): the amount when known ("Miễn phí" for 0), otherwise the published
 * wording; then any exemption note.
 */
export function FeesList({ fees, fallbackText }: { fees: Fee[]; fallbackText: string | null }) {
  const { t } = useTranslation();
  if (fees.length === 0) return <Typography.Text>{fallbackText ?? t('portal.detail.notStated')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {fees.map((f, i) => {
        const main = f.amountVnd === 0 ? t('portal.detail.free') : (formatVnd(t, f.amountVnd) ?? f.text ?? t('portal.detail.notStated'));
        return (
          <div key={i} className="wrap-anywhere">
            <Typography.Text strong>{t(`catalog.channels.${f.channel}`)}: </Typography.Text>
            <Typography.Text>{main}</Typography.Text>
            {f.note ? (
              <div>
                <Typography.Text type="secondary">{f.note}</Typography.Text>
              </div>
            ) : null}
          </div>
        );
      })}
    </Flex>
  );
}
