import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicCommitment } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { CommitmentStatus } from './CommitmentStatus';
import { DIALOGUE_PATHS } from './dialogues.api';

/**
 * A commitment as the public reads it: what was promised (personal data masked), the unit that owes it, its due, where
 * it stands and each progress report; with a link to its session when shown outside it. `headingLevel` keeps the page's
 * outline (h3 under a section's h2, h4 under a question's h3).
 */
export function PublicCommitmentItem({ c, showSession = false, headingLevel = 3 }: { c: PublicCommitment; showSession?: boolean; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <Card size="small" data-testid={`public-commitment-${c.id}`}>
      <Flex vertical gap={8}>
        <Heading className="wrap-anywhere" style={{ fontSize: 15, fontWeight: 600, margin: 0 }}>
          {c.text}
        </Heading>
        <Typography.Text type="secondary" className="wrap-anywhere">
          {t('dialogues.commitment.ownerUnit')}: {c.ownerUnit.name}
          {showSession ? (
            <>
              {' · '}
              {t('dialogues.commitment.session')}: <Link to={DIALOGUE_PATHS.publicSession(c.session.id)}>{c.session.title}</Link>
            </>
          ) : null}
        </Typography.Text>
        <CommitmentStatus c={c} testId={`public-commitment-status-${c.id}`} />
        {c.cancelReason ? <Typography.Text className="wrap-anywhere">{t('dialogues.commitment.cancelReason', { reason: c.cancelReason })}</Typography.Text> : null}
        {c.progress.length > 0 ? (
          <div>
            <Typography.Text strong>{t('dialogues.commitment.progressHeading')}</Typography.Text>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} data-testid={`public-commitment-progress-${c.id}`}>
              {c.progress.map((p, i) => (
                <li key={i} className="wrap-anywhere">
                  <Typography.Text type="secondary">{formatInstant(p.at)}</Typography.Text> — {t('dialogues.commitment.progressItem', { percent: p.percent ?? 0, note: p.note })}
                </li>
              ))}
            </ul>
          </div>
        ) : c.state === 'OPEN' ? (
          <Typography.Text type="secondary">{t('dialogues.commitment.noProgress')}</Typography.Text>
        ) : null}
      </Flex>
    </Card>
  );
}
