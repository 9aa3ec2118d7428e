import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Typography, Upload } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { formatInstant } from '../dossiers/dossiers.format';
import { PageTitle } from '../../ui/PageTitle';
import { useCompareResult, useResultVerification, type ResultCompareResponse, type ResultVerification } from './results.api';

const hashStyle = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 } as const;

/** The facts the issuing agency published: code, procedure, agency, issue time, size and hashes. */
function Facts({ data }: { data: ResultVerification }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossiers.results.verify.facts')}</h2>}>
      <Descriptions
        size="small"
        column={1}
        layout="vertical"
        data-testid="verify-facts"
        items={[
          {
            key: 'code',
            label: t('dossiers.results.verify.dossierCode'),
            children: (
              <Typography.Text strong className="wrap-anywhere" data-testid="verify-code">
                {data.dossierCode}
              </Typography.Text>
            ),
          },
          { key: 'procedure', label: t('dossiers.results.verify.procedure'), children: <span className="wrap-anywhere">{data.procedureName}</span> },
          { key: 'unit', label: t('dossiers.results.verify.issuingUnit'), children: <span className="wrap-anywhere">{data.issuingUnitName}</span> },
          { key: 'issued', label: t('dossiers.results.verify.issuedAt'), children: formatInstant(data.issuedAt) },
          ...(data.documentNumberSymbol
            ? [{ key: 'number', label: t('dossiers.results.verify.documentNumber'), children: <span data-testid="verify-document-number">{data.documentNumberSymbol}</span> }]
            : []),
          {
            key: 'size',
            label: t('dossiers.results.verify.size'),
            children: t('dossiers.results.verify.bytes', { size: data.sizeBytes.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN') }),
          },
          {
            key: 'sha',
            label: t('dossiers.results.verify.sha256'),
            children: (
              <Typography.Text copyable style={hashStyle} className="wrap-anywhere" data-testid="verify-sha256">
                {data.sha256}
              </Typography.Text>
            ),
          },
          {
            key: 'certSha',
            label: t('dossiers.results.verify.certificateSha256'),
            children: (
              <Typography.Text style={hashStyle} className="wrap-anywhere">
                {data.certificateSha256}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Upload box: the visitor's file is hashed by the server and compared with the issued one; nothing is kept. */
function Compare({ token }: { token: string }) {
  const { t } = useTranslation();
  const compare = useCompareResult(token);
  const [name, setName] = useState('');
  const outcome: ResultCompareResponse | undefined = compare.data;
  let message = '';
  if (compare.isPending) message = t('dossiers.results.verify.comparing');
  else if (compare.error) message = compare.error.message;
  else if (outcome)
    message = outcome.match
      ? t('dossiers.results.verify.match', {
          name,
          what: t(outcome.matched === 'certificate' ? 'dossiers.results.verify.matchCertificate' : 'dossiers.results.verify.matchResult'),
        })
      : t('dossiers.results.verify.noMatch', { name });
  return (
    <Card size="small" title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('dossiers.results.verify.compareTitle')}</h2>}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('dossiers.results.verify.compareHint')}</Typography.Text>
        <Upload
          maxCount={1}
          multiple={false}
          showUploadList={false}
          beforeUpload={(file) => {
            setName(file.name);
            compare.mutate(file);
            // The file goes through the mutation, not antd's uploader.
            return false;
          }}
        >
          <Button icon={<FileSearchOutlined />} loading={compare.isPending} data-testid="verify-compare-button">
            {t('dossiers.results.verify.compareChoose')}
          </Button>
        </Upload>
        {/* A polite live region: the verdict is read out when it arrives (WCAG 4.1.3). */}
        <div role="status" aria-live="polite" data-testid="verify-compare-result">
          {outcome && !compare.isPending ? (
            <Alert
              type={outcome.match ? 'success' : 'error'}
              showIcon
              title={<span className="wrap-anywhere">{message}</span>}
              description={
                <Typography.Text style={hashStyle} className="wrap-anywhere">
                  {t('dossiers.results.verify.yourHash', { hash: outcome.sha256 })}
                </Typography.Text>
              }
            />
          ) : compare.error ? (
            <Alert type="warning" showIcon title={message} />
          ) : (
            <span className="visually-hidden">{message}</span>
          )}
        </div>
      </Flex>
    </Card>
  );
}

/**
 * Public verification of an electronic result at `/xac-thuc-ket-qua/:token` — the address in the QR code of the
 * result certificate (NĐ 45/2020/NĐ-CP). No sign-in; shows what the issuing agency published and compares a file.
 */
export function VerifyResultPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { data, isPending, error } = useResultVerification(token || undefined);
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);

  let body = null;
  if (isPending) body = <Skeleton active paragraph={{ rows: 6 }} aria-label={t('dossiers.results.verify.loading')} />;
  else if (error) {
    body = (
      <Result
        status={notFound ? 'info' : 'warning'}
        title={<h2 className="wrap-anywhere">{notFound ? t('dossiers.results.verify.notFound') : error.message}</h2>}
        subTitle={notFound ? t('dossiers.results.verify.notFoundHint') : undefined}
        data-testid="verify-not-found"
      />
    );
  } else if (data) {
    body = (
      <>
        <Alert
          type={data.status === 'valid' ? 'success' : 'warning'}
          showIcon
          title={t(`dossiers.results.status.${data.status}`)}
          description={data.status === 'valid' ? t('dossiers.results.verify.valid') : t('dossiers.results.verify.replaced', { date: formatInstant(data.replacedAt) })}
          data-testid="verify-status"
        />
        <Facts data={data} />
        <Compare token={token} />
      </>
    );
  }

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760, margin: '0 auto', width: '100%' }}>
      <div>
        <PageTitle documentTitle={t('dossiers.results.verify.documentTitle')} style={{ marginBottom: 8 }}>
          {t('dossiers.results.verify.title')}
        </PageTitle>
        <Typography.Text type="secondary">{t('dossiers.results.verify.subtitle')}</Typography.Text>
      </div>
      {body}
    </Flex>
  );
}
