import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingInvitationView } from '../../../contracts/ratings/ratings.contracts';
import { formatInstant } from '../dossiers/dossiers.format';

/** The dossier being rated: its code, procedure and how it ended. */
export function DossierHeading({ view }: { view: RatingInvitationView }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="rating-dossier">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'code', label: t('ratings.dossier.code'), children: <strong className="wrap-anywhere">{view.dossierCode}</strong> },
          { key: 'procedure', label: t('ratings.dossier.procedure'), children: <span className="wrap-anywhere">{view.procedureName}</span> },
          {
            key: 'state',
            label: t('ratings.dossier.state'),
            children: `${t(`ratings.dossier.ended.${view.dossierState}`, { defaultValue: t('ratings.dossier.ended.open') })}${view.endedAt ? ` — ${formatInstant(view.endedAt)}` : ''}`,
          },
        ]}
      />
    </Card>
  );
}
