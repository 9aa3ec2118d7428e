import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Fee } from '../catalog/catalog.types';
import { formatVnd } from '../catalog/format';

/** Fees per channel: the amount when known, the published wording, and any exemption note. */
export function FeesList({ fees, fallbackText }: { fees: Fee[]; fallbackText: string | null }) {
  const { t } = useTranslation();
  if (fees.length === 0) return <Typography.Text>{fallbackText ?? t('portal.detail.notStated')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      {fees.map((f, i) => {
        const amount = formatVnd(t, f.amountVnd);
        const main = amount && f.text && f.text !== amount ? `${amount} — ${f.text}` : (amount ?? f.text ?? t('portal.detail.notStated'));
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
