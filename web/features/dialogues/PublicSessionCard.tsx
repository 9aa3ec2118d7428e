import { Card, Flex, Tag, Typography } from 'antd';
import { MessageOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicSessionSummary } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';
import { DIALOGUE_PATHS } from './dialogues.api';
import { SessionStateTag } from './SessionStateTag';

/** A session in the public lists: its title (a link to its page), when and where, who organises it, its state. */
export function PublicSessionCard({ s, accepting }: { s: PublicSessionSummary; accepting: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`public-session-${s.id}`}>
      <Flex vertical gap={6}>
        <h3 style={{ fontSize: 16, fontWeight: 600, margin: 0 }} className="wrap-anywhere">
          <Link to={DIALOGUE_PATHS.publicSession(s.id)}>{s.title}</Link>
        </h3>
        <Typography.Text className="wrap-anywhere">
          {formatInstant(s.startsAt)}
          {s.place ? ` · ${s.place}` : ''}
          {s.onlineUrl ? ` · ${t('dialogues.facts.online')}` : ''}
        </Typography.Text>
        <Typography.Text type="secondary" className="wrap-anywhere">
          {t(`dialogues.levels.${s.level}`)} · {s.organisingUnit.name} · {t('dialogues.facts.chairValue', { name: s.chair.name, position: s.chair.position })}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          <SessionStateTag state={s.state} text={s.stateText} />
          {accepting ? (
            <Tag color="green" icon={<MessageOutlined aria-hidden />} style={{ marginInlineEnd: 0 }}>
              {t('dialogues.public.acceptingQuestions')}
            </Tag>
          ) : null}
          <Typography.Text type="secondary">{t('dialogues.public.counts', { questions: s.questionCount, commitments: s.commitmentCount })}</Typography.Text>
        </Flex>
      </Flex>
    </Card>
  );
}
