import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Fee, FeeExemption } from '../catalog/catalog.types';
import { formatVnd } from '../catalog/format';

/**
 * Fees per channel, once each (issue 9 item 9): the amount when known ("Miễn phí" for 0), otherwise the published
 * wording; then any exemption note; then, when the procedure names some, who is exempted or pays less, with the basis.
 */
export function FeesList({ fees, fallbackText, exemptions = [] }: { fees: Fee[]; fallbackText: string | null; exemptions?: FeeExemption[] }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      {fees.length === 0 ? <Typography.Text>{fallbackText ?? t('portal.detail.notStated')}</Typography.Text> : null}
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
      {exemptions.length > 0 ? <FeeExemptionsList exemptions={exemptions} /> : null}
    </Flex>
  );
}

/** "Miễn phí, lệ phí: Hộ nghèo" / "Giảm 50%: Người cao tuổi", each with the text that grants it. */
function FeeExemptionsList({ exemptions }: { exemptions: FeeExemption[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="fee-exemptions">
      <Typography.Text strong>{t('portal.detail.exemptionsTitle')}</Typography.Text>
      <ul style={{ margin: '4px 0 0', paddingInlineStart: 18 }}>
        {exemptions.map((e) => (
          <li key={e.key} className="wrap-anywhere">
            {e.percent >= 100 ? t('portal.detail.exempt', { subject: e.subject }) : t('portal.detail.reduced', { percent: e.percent, subject: e.subject })}
            {e.basis ? (
              <div>
                <Typography.Text type="secondary">{t('portal.detail.exemptionBasis', { basis: e.basis })}</Typography.Text>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
