import { Descriptions, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PublicSessionSummary } from '../../../contracts/dialogues/dialogues.contracts';
import { formatInstant } from '../dossiers/dossiers.format';

/** When, where (a place, an online link or both), who chairs, who organises and who it is for. */
export function SessionFacts({ s }: { s: PublicSessionSummary }) {
  const { t } = useTranslation();
  const audience = t(`dialogues.audiences.${s.audience}`);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 1, md: 2 }}
      data-testid="session-facts"
      items={[
        { key: 'startsAt', label: t('dialogues.facts.startsAt'), children: <span data-testid="session-starts-at">{formatInstant(s.startsAt)}</span> },
        { key: 'level', label: t('dialogues.facts.level'), children: t(`dialogues.levels.${s.level}`) },
        ...(s.place ? [{ key: 'place', label: t('dialogues.facts.place'), children: <span className="wrap-anywhere">{s.place}</span> }] : []),
        ...(s.onlineUrl
          ? [
              {
                key: 'online',
                label: t('dialogues.facts.online'),
                children: (
                  <Typography.Link href={s.onlineUrl} target="_blank" rel="noopener noreferrer" className="wrap-anywhere" data-testid="session-online">
                    {t('dialogues.facts.joinOnline')} <ExportOutlined aria-hidden />
                    <span className="visually-hidden">{t('dialogues.facts.newTab')}</span>
                  </Typography.Link>
                ),
              },
            ]
          : []),
        { key: 'chair', label: t('dialogues.facts.chair'), children: t('dialogues.facts.chairValue', { name: s.chair.name, position: s.chair.position }) },
        { key: 'organiser', label: t('dialogues.facts.organiser'), children: <span className="wrap-anywhere">{s.organisingUnit.name}</span> },
        {
          key: 'audience',
          label: t('dialogues.facts.audience'),
          children: s.audienceSector ? t('dialogues.facts.audienceSector', { audience, sector: s.audienceSector }) : audience,
        },
      ]}
    />
  );
}
