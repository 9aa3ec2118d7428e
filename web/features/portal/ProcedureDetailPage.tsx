import type { ReactNode } from 'react';
import { Breadcrumb, Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatDate } from '../../ui/dates';
import { usePublicProcedure } from '../catalog/catalog.api';
import { OnlineModeTag } from './OnlineModeTag';
import { ProcessingTimesList } from './ProcessingTimesList';
import { FeesList } from './FeesList';
import { RequiredDocumentsList } from './RequiredDocumentsList';
import { OnlineServiceCard } from './OnlineServiceCard';
import { PageTitle } from '../../ui/PageTitle';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

function Section({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title}>
      {children}
    </Card>
  );
}

/** Public detail of a procedure's current published version at `/thu-tuc/:code`. */
export function ProcedureDetailPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const { data: p, isPending, error } = usePublicProcedure(code);
  const notFound = error instanceof ApiError && error.status === 404;
  const failure = notFound ? t('portal.detail.notFound') : (error?.message ?? t('common.errors.unknown'));
  // The loaded page's title comes from its PageTitle; this one names the error page.
  useDocumentTitle(isPending || p ? null : failure);

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !p) {
    return <Result status={notFound ? '404' : 'error'} title={<h1>{failure}</h1>} extra={<Link to="/thu-tuc">{t('portal.detail.backToSearch')}</Link>} />;
  }

  const levels = p.levels.length > 0 ? p.levels.map((l) => t(`catalog.levels.${l}`)).join(', ') : (p.level ?? t('portal.detail.notStated'));
  const notStated = <Typography.Text type="secondary">{t('portal.detail.notStated')}</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/">{t('portal.header.home')}</Link> }, { title: <Link to="/thu-tuc">{t('portal.header.procedures')}</Link> }, { title: p.code }]} />
      <div>
        <PageTitle style={{ marginBottom: 8 }} className="wrap-anywhere" data-testid="procedure-name">
          {p.name}
        </PageTitle>
        <Flex wrap gap={6}>
          <Tag>{p.code}</Tag>
          {p.field ? (
            <Tag color="blue" style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
              {p.field}
            </Tag>
          ) : null}
          <OnlineModeTag mode={p.onlineMode} />
        </Flex>
      </div>
      <OnlineServiceCard procedure={p} />
      <Section title={t('portal.detail.general')}>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2 }}
          size="small"
          layout="vertical"
          colon={false}
          items={[
            { key: 'code', label: t('portal.detail.code'), children: p.code },
            { key: 'field', label: t('portal.detail.field'), children: p.field ?? notStated },
            { key: 'level', label: t('portal.detail.level'), children: levels },
            {
              key: 'onlineMode',
              label: t('portal.detail.onlineMode'),
              children: p.onlineMode ? t(`catalog.onlineModes.${p.onlineMode}`) : (p.onlineModeText ?? t('catalog.onlineModes.unknown')),
            },
            {
              key: 'units',
              label: t('portal.detail.implementingUnits'),
              span: { xs: 1, md: 2 },
              children:
                p.implementingUnits.length > 0 ? (
                  <span className="wrap-anywhere">{p.implementingUnits.map((u) => u.name).join('; ')}</span>
                ) : (
                  (p.implementingAgencyText ?? notStated)
                ),
            },
            { key: 'applicants', label: t('portal.detail.applicants'), span: { xs: 1, md: 2 }, children: p.applicants ?? notStated },
            {
              key: 'results',
              label: t('portal.detail.results'),
              span: { xs: 1, md: 2 },
              children: p.results.length > 0 ? <span className="wrap-anywhere">{p.results.join('; ')}</span> : notStated,
            },
            { key: 'effective', label: t('portal.detail.effectiveFrom'), children: p.effectiveFrom ? formatDate(p.effectiveFrom) : notStated },
          ]}
        />
      </Section>
      <Section title={t('portal.detail.processingTime')}>
        <ProcessingTimesList times={p.processingTimes} fallbackText={p.processingTimeText} />
      </Section>
      <Section title={t('portal.detail.fees')}>
        <FeesList fees={p.fees} fallbackText={p.feeText} exemptions={p.feeExemptions} />
      </Section>
      <Section title={t('portal.detail.documents')}>
        <RequiredDocumentsList documents={p.requiredDocuments} groups={p.documentGroups} note={p.requiredDocumentsNote} />
      </Section>
      <Section title={t('portal.detail.legalBasis')}>
        {p.legalBasis.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {p.legalBasis.map((l, i) => (
              <li key={i} className="wrap-anywhere">
                {l.number ? <Typography.Text strong>{l.number}</Typography.Text> : null}
                {l.number ? ' — ' : ''}
                {l.title}
              </li>
            ))}
          </ul>
        ) : (
          notStated
        )}
      </Section>
    </Flex>
  );
}
