import { useEffect, useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../dossiers/dossiers.format';
import { CardHeading } from '../submissions/CardHeading';
import { useSimilarFeedback } from './feedback.api';
import { FEEDBACK_PATHS } from './feedback.types';

/** Waits until the officer stops typing for a moment, so each keystroke does not ask the server. */
function useSettled(value: string, delayMs = 400): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * Answered, published items like the one being entered (GET /feedback/similar), so the officer can tell the sender
 * the answer already given or spot a duplicate. Each opens its public page in a new tab, leaving the form as typed.
 */
export function SimilarFeedback({ text }: { text: string }) {
  const { t } = useTranslation();
  const q = useSettled(text.replace(/\s+/g, ' ').trim().slice(0, 500));
  const { data } = useSimilarFeedback(q);
  const items = q.length >= 3 ? (data?.items ?? []) : [];

  return (
    <Card size="small" title={<CardHeading>{t('feedback.similar.title')}</CardHeading>} data-testid="feedback-similar">
      {/* Announced politely as suggestions arrive, without moving the officer's focus from the field. */}
      <Typography.Paragraph type="secondary" aria-live="polite" style={{ marginBottom: items.length ? 8 : 0 }}>
        {q.length < 3 ? t('feedback.similar.hint') : items.length ? t('feedback.similar.found', { count: items.length }) : t('feedback.similar.none')}
      </Typography.Paragraph>
      {items.length ? (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none' }}>
          {items.map((item) => (
            <li key={item.code} style={{ padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <a href={FEEDBACK_PATHS.published(item.code)} target="_blank" rel="noopener noreferrer" className="wrap-anywhere" data-testid="feedback-similar-item">
                  {item.title} <ExportOutlined aria-hidden />
                  <span className="visually-hidden">{t('feedback.similar.newTab')}</span>
                </a>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} className="wrap-anywhere">
                  {t('feedback.similar.meta', { code: item.code, unit: item.unit.name, date: formatInstant(item.answeredAt) })}
                </Typography.Text>
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
