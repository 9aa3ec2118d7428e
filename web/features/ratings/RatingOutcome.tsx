import { Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RatingView } from '../../../contracts/ratings/ratings.contracts';

/** What was rated (after rating, or when the dossier was already rated): thanks and the answers given. */
export function RatingOutcome({ rating, justRated, code }: { rating: RatingView; justRated: boolean; code: string }) {
  const { t } = useTranslation();
  return (
    <Result
      status={justRated ? 'success' : 'info'}
      title={<h2 style={{ fontSize: 20, margin: 0 }}>{justRated ? t('ratings.outcome.thanks') : t('ratings.outcome.already', { code })}</h2>}
      subTitle={justRated ? t('ratings.outcome.thanksText') : undefined}
      data-testid="rating-outcome"
    >
      <Descriptions
        size="small"
        column={1}
        layout="vertical"
        colon={false}
        style={{ textAlign: 'start' }}
        items={[
          { key: 'overall', label: t('ratings.form.overall'), children: t(`ratings.level.${rating.overall}`) },
          ...(['time', 'attitude', 'clarity'] as const).map((c) => ({ key: c, label: t(`ratings.criterion.${c}`), children: t(`ratings.level.${rating.criteria[c]}`) })),
          ...(rating.comment ? [{ key: 'comment', label: t('ratings.form.comment'), children: <span className="wrap-anywhere">{rating.comment}</span> }] : []),
        ]}
      />
    </Result>
  );
}
