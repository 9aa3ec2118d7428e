import { useEffect, useRef, type Ref } from 'react';
import { Alert, Card, Descriptions, Flex, Input, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClearable } from '../../ui/useClearable';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatAppointment, formatInstant, statusColor } from '../dossiers/dossiers.format';
import type { PublicLookup } from '../dossiers/dossiers.types';
import { usePublicLookup } from './lookup.api';
import { ProvisionalNotice } from '../calendar/ProvisionalTag';
import { PageTitle } from '../../ui/PageTitle';

/** National codes of closed dossiers: withdrawn, stopped, result returned (§3.2). */
const CLOSED_CODES = [7, 8, 10];

/** The result of a lookup: status in plain words, who holds it, appointment (and the new one), public timeline. */
function LookupResult({ data, headingRef }: { data: PublicLookup; headingRef: Ref<HTMLHeadingElement> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Flex vertical gap={16} data-testid="lookup-result">
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t('dossiers.lookup.codeLabel')}</Typography.Text>
          {/* tabIndex -1: after a search the focus moves here, so keyboard and screen-reader users start at the result. */}
          <Typography.Title level={2} ref={headingRef} tabIndex={-1} style={{ margin: 0, fontSize: 20 }} className="wrap-anywhere" data-testid="lookup-code">
            {data.code}
          </Typography.Title>
          <div>
            <Tag color={statusColor(data.statusCode)} style={{ fontSize: 15, padding: '4px 10px', whiteSpace: 'normal' }} data-testid="lookup-status">
              {data.status[lang]}
            </Tag>
          </div>
          <Typography.Text data-testid="lookup-status-text">{t(`dossiers.lookup.explain.${data.statusCode}`, { unit: data.holderUnitName })}</Typography.Text>
        </Flex>
      </Card>
      {data.extendedAppointmentAt ? (
        <Alert type="warning" showIcon title={t('dossiers.lookup.extended', { date: formatAppointment(t, data.extendedAppointmentAt) })} data-testid="lookup-extended" />
      ) : null}
      <Card size="small" title={t('dossiers.lookup.details')}>
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          items={[
            { key: 'procedure', label: t('dossiers.fields.procedure'), children: <span className="wrap-anywhere">{data.procedureName}</span> },
            { key: 'applicant', label: t('dossiers.lookup.applicant'), children: <span data-testid="lookup-applicant">{data.applicantName}</span> },
            // Closed dossiers have nobody handling them; a ready result waits at the desk.
            ...(CLOSED_CODES.includes(data.statusCode)
              ? []
              : [
                  {
                    key: 'holder',
                    label: data.statusCode === 9 ? t('dossiers.lookup.collectAt') : t('dossiers.lookup.holderUnit'),
                    children: (
                      <span className="wrap-anywhere" data-testid="lookup-holder">
                        {data.holderUnitName}
                      </span>
                    ),
                  },
                ]),
            { key: 'received', label: t('dossiers.fields.receivedAt'), children: formatAppointment(t, data.receivedAt) },
            {
              key: 'appointment',
              label: t('dossiers.lookup.appointment'),
              children: data.extendedAppointmentAt ? (
                <span data-testid="lookup-appointment">
                  <Typography.Text strong>{formatAppointment(t, data.extendedAppointmentAt)}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary">{t('dossiers.lookup.originalAppointment', { date: formatAppointment(t, data.appointmentAt) })}</Typography.Text>
                </span>
              ) : (
                <span data-testid="lookup-appointment">{formatAppointment(t, data.appointmentAt)}</span>
              ),
            },

            ...(data.finishedAt ? [{ key: 'finished', label: t('dossiers.lookup.finishedAt'), children: formatAppointment(t, data.finishedAt) }] : []),
            ...(data.returnedAt ? [{ key: 'returned', label: t('dossiers.lookup.returnedAt'), children: formatAppointment(t, data.returnedAt) }] : []),
          ]}
        />
        {data.dueProvisional ? <ProvisionalNotice due={data.extendedAppointmentAt ?? data.appointmentAt} /> : null}
      </Card>
      <Card size="small" title={t('dossiers.lookup.timeline')}>
        <Timeline
          data-testid="lookup-timeline"
          items={data.timeline.map((e, i) => ({
            key: i,
            color: i === data.timeline.length - 1 ? 'green' : 'blue',
            content: (
              <div className="wrap-anywhere">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatInstant(e.at)}
                </Typography.Text>
                <div>{e.text[lang]}</div>
              </div>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

/**
 * Public dossier tracking at `/tra-cuu` (a code box) and `/tra-cuu/:code` — the address in the receipt's QR code;
 * `/tra-cuu?ma=<code>` is accepted too. No login; the applicant's name comes masked.
 */
export function LookupPage() {
  const { t, i18n } = useTranslation();
  const clearable = useClearable();
  const navigate = useNavigate();
  const { code: pathCode } = useParams();
  const [params] = useSearchParams();
  const code = (pathCode ?? params.get('ma') ?? '').trim() || undefined;
  const { data, isPending, error } = usePublicLookup(code);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  // A search on this page marks its navigation; the focus follows the answer then, not when the page is opened from
  // a QR code (the focus would otherwise stay on a search box that was replaced, i.e. fall back to the body).
  const location = useLocation();
  const searched = (location.state as { searched?: boolean } | null)?.searched === true;
  const settled = !!code && !isPending;
  useEffect(() => {
    if (settled && searched) resultHeading.current?.focus();
  }, [settled, searched, location.key]);

  const notFound = error instanceof ApiError && error.status === 404;
  // What the polite live region says once the answer is on screen (WCAG 4.1.3 status messages).
  let announcement = '';
  if (code && isPending) announcement = t('dossiers.lookup.searching', { code });
  else if (code && error) announcement = notFound ? t('dossiers.lookup.notFound', { code }) : error.message;
  else if (data) announcement = t('dossiers.lookup.announce', { code: data.code, status: data.status[i18n.language === 'en' ? 'en' : 'vi'] });

  let body = null;
  if (code && isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (code && error) {
    body = (
      <Result
        status={notFound ? 'info' : 'warning'}
        title={
          <h2 ref={resultHeading} tabIndex={-1} className="wrap-anywhere">
            {notFound ? t('dossiers.lookup.notFound', { code }) : error.message}
          </h2>
        }
        subTitle={notFound ? t('dossiers.lookup.notFoundHint') : undefined}
        data-testid="lookup-not-found"
      />
    );
  } else if (data) body = <LookupResult data={data} headingRef={resultHeading} />;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <div>
        <PageTitle documentTitle={code ? t('dossiers.lookup.documentTitle', { code }) : undefined} style={{ marginBottom: 8 }}>
          {t('dossiers.lookup.title')}
        </PageTitle>
        <Typography.Text type="secondary">{t('dossiers.lookup.subtitle')}</Typography.Text>
      </div>
      <Input.Search
        key={code ?? ''}
        defaultValue={code}
        size="large"
        allowClear={clearable}
        enterButton={t('dossiers.lookup.submit')}
        placeholder={t('dossiers.lookup.placeholder')}
        aria-label={t('dossiers.lookup.codeLabel')}
        autoFocus={!code}
        onSearch={(v) => {
          const next = v.trim();
          if (next) void navigate(`/tra-cuu/${encodeURIComponent(next)}`, { state: { searched: true } });
        }}
        data-testid="lookup-input"
      />
      <div role="status" aria-live="polite" className="visually-hidden" data-testid="lookup-status-live">
        {announcement}
      </div>
      {body}
    </Flex>
  );
}
