import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Input, List, Select, Typography, Upload } from 'antd';
import { DeleteOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../app/useApiError';
import { formatInstant } from '../dossiers/dossiers.format';
import { mySupplementFileUrl, useRemoveSupplementFile, useResubmitSupplement, useUploadSupplement, type CitizenDossierDetail } from './my-dossiers.api';

/** Accepted by content on the server (D23); the picker only offers these. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * The open supplement request on the applicant's page: what was asked and why, files attached per asked-for paper,
 * and sending them (the dossier resumes at that instant, D28).
 */
export function SupplementForm({ dossier: d }: { dossier: CitizenDossierDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const upload = useUploadSupplement(d.id);
  const remove = useRemoveSupplementFile(d.id);
  const resubmit = useResubmitSupplement(d.id);
  const [itemIndex, setItemIndex] = useState<number | null>(d.supplement!.items.length > 0 ? 0 : null);
  const [note, setNote] = useState('');
  const s = d.supplement!;
  const itemName = (i: number | null) => (i === null ? t('citizen.supplement.otherItem') : (s.items[i] ?? ''));

  return (
    <Card size="small" title={<span className="wrap-anywhere">{t('citizen.supplement.title')}</span>} data-testid="supplement-form">
      <Flex vertical gap={12}>
        <div>
          <Typography.Text strong>{t('citizen.supplement.asked', { date: formatInstant(s.requestedAt) })}</Typography.Text>
          {s.reference ? <Typography.Text type="secondary"> ({t('dossiers.slips.number', { number: s.reference })})</Typography.Text> : null}
          <ol style={{ margin: '4px 0', paddingInlineStart: 20 }} data-testid="supplement-items">
            {s.items.map((item, i) => (
              <li key={i} className="wrap-anywhere">
                {item}
              </li>
            ))}
          </ol>
          {s.reason ? (
            <Typography.Paragraph style={{ margin: 0 }} className="wrap-anywhere">
              <strong>{t('citizen.supplement.reason')}:</strong> {s.reason}
            </Typography.Paragraph>
          ) : null}
        </div>
        <Flex vertical gap={6}>
          <label htmlFor="supplement-item">{t('citizen.supplement.forItem')}</label>
          <Select
            id="supplement-item"
            value={itemIndex ?? -1}
            onChange={(v: number) => setItemIndex(v < 0 ? null : v)}
            options={[...s.items.map((item, i) => ({ value: i, label: item })), { value: -1, label: t('citizen.supplement.otherItem') }]}
            style={{ width: '100%' }}
          />
          <Upload
            accept={ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={(file, list) => {
              // antd calls this once per file; send the whole selection once, with the last one.
              if (file === list[list.length - 1]) {
                upload.mutate(
                  { files: list, itemIndex },
                  {
                    onSuccess: (res) => {
                      if (res.files.some((f) => f.extensionCorrected)) void message.info(t('citizen.supplement.extensionCorrected'));
                      else void message.success(t('citizen.supplement.attached'));
                    },
                    onError: (e) => showError(e),
                  },
                );
              }
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="supplement-upload">
              {t('citizen.supplement.choose')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('citizen.supplement.types')}</Typography.Text>
        </Flex>
        {s.files.length > 0 ? (
          <List
            size="small"
            bordered
            dataSource={s.files}
            data-testid="supplement-files"
            renderItem={(f) => (
              <List.Item
                actions={
                  f.submittedAt
                    ? []
                    : [
                        <Button
                          key="remove"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('citizen.supplement.remove', { name: f.fileName })}
                          loading={remove.isPending && remove.variables === f.id}
                          onClick={() => remove.mutate(f.id, { onError: (e) => showError(e) })}
                        />,
                      ]
                }
              >
                <Flex vertical style={{ minWidth: 0 }}>
                  <a href={mySupplementFileUrl(d.id, f.id)} target="_blank" rel="noopener" className="wrap-anywhere">
                    <FileOutlined /> {f.fileName}
                  </a>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} className="wrap-anywhere">
                    {itemName(f.itemIndex)} · {kb(f.sizeBytes)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('citizen.supplement.noFiles')}</Typography.Text>
        )}
        <Flex vertical gap={6}>
          <label htmlFor="supplement-note">{t('citizen.supplement.note')}</label>
          <Input.TextArea id="supplement-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Flex>
        <Alert type="info" showIcon title={t('citizen.supplement.clock')} />
        <Button
          type="primary"
          disabled={!d.actions.resubmitSupplement}
          loading={resubmit.isPending}
          onClick={() =>
            resubmit.mutate(
              { expectedVersion: d.version, note: note || null },
              { onSuccess: () => void message.success(t('citizen.supplement.sent')), onError: (e) => showError(e) },
            )
          }
          style={{ alignSelf: 'flex-start' }}
          data-testid="supplement-send"
        >
          {t('citizen.supplement.send')}
        </Button>
      </Flex>
    </Card>
  );
}
