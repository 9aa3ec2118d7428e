import { useRef, useState } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined, FormOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { FileLink } from './FileLink';
import { problemsOf, requirementBlocks, type RequirementBlock } from './submission-form';
import type { Requirement, SubmissionFile, SubmissionProblem } from './submissions.types';

/** What the server accepts (it decides by content; the picker only narrows what the citizen is offered). */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

const STATUS_COLOR: Record<Requirement['status'], string> = {
  attached: 'green',
  missing: 'red',
  optional: 'default',
  'not-applicable': 'default',
  'too-many': 'orange',
};

/** What the documents list can do: attach and remove (the citizen's draft) or only show (a decided or desk view). */
export interface RequirementActions {
  attach: (key: string, files: File[]) => Promise<unknown>;
  remove: (file: SubmissionFile) => Promise<unknown>;
}

/** An upload's refusal in the server's words: its message and any per-file details. */
function uploadErrorText(err: unknown, fallback: string): string[] {
  if (!(err instanceof ApiError)) return [fallback];
  return [err.message, ...err.fields.map((f) => f.message).filter((m) => m !== err.message)];
}

/** One required document: its name and counts, its status, its files, and (editable) the way to attach more. */
function RequirementRow({ r, problems, actions, thumbnails }: { r: Requirement; problems: SubmissionProblem[]; actions?: RequirementActions; thumbnails?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  const counts = [r.originals ? t('submissions.documents.originals', { count: r.originals }) : null, r.copies ? t('submissions.documents.copies', { count: r.copies }) : null]
    .filter(Boolean)
    .join(', ');

  const onPick = async (list: FileList | null) => {
    const files = list ? [...list] : [];
    if (input.current) input.current.value = '';
    if (!actions || files.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      await actions.attach(r.key, files);
    } catch (err) {
      setError(uploadErrorText(err, t('common.errors.unknown')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li style={{ listStyle: 'none', padding: '10px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`requirement-${r.key}`}>
      <Flex justify="space-between" gap={8} wrap align="start">
        <div style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Typography.Text className="wrap-anywhere">{r.name}</Typography.Text>
          {counts || r.note ? (
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} className="wrap-anywhere">
              {[counts, r.note].filter(Boolean).join(' — ')}
            </Typography.Paragraph>
          ) : null}
        </div>
        <Tag color={STATUS_COLOR[r.status]} style={{ marginInlineEnd: 0 }} data-testid={`requirement-status-${r.key}`}>
          {r.filledByEForm ? t('submissions.documents.byEForm') : t(`submissions.requirementStatus.${r.status}`)}
        </Tag>
      </Flex>
      {r.filledByEForm ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          <FormOutlined /> {t('submissions.documents.byEFormHint')}
        </Typography.Text>
      ) : null}
      {r.files.length > 0 ? (
        <ul style={{ margin: '6px 0 0', paddingInlineStart: 0 }} aria-label={t('submissions.documents.filesOf', { name: r.name.slice(0, 80) })}>
          {r.files.map((f) => (
            <li key={f.id} style={{ listStyle: 'none' }}>
              <Flex gap={4} align="center" wrap>
                <FileLink file={f} thumbnail={thumbnails} />
                {actions ? (
                  <Popconfirm
                    title={t('submissions.documents.removeConfirm')}
                    okText={t('submissions.documents.remove')}
                    cancelText={t('common.actions.cancel')}
                    onConfirm={() => actions.remove(f)}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('submissions.documents.removeFile', { name: f.fileName })} />
                  </Popconfirm>
                ) : null}
              </Flex>
            </li>
          ))}
        </ul>
      ) : null}
      {problems.map((p) => (
        <Typography.Text key={p.path + p.code} type="danger" style={{ display: 'block', marginTop: 4 }}>
          {p.message}
        </Typography.Text>
      ))}
      {actions && !r.filledByEForm && r.status !== 'not-applicable' ? (
        <div style={{ marginTop: 6 }}>
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            style={{ display: 'none' }}
            onChange={(e) => void onPick(e.target.files)}
            data-testid={`upload-${r.key}`}
            aria-label={t('submissions.documents.attachTo', { name: r.name.slice(0, 80) })}
          />
          <Button icon={<PaperClipOutlined />} loading={busy} onClick={() => input.current?.click()} data-testid={`attach-${r.key}`}>
            {t('submissions.documents.attach')}
          </Button>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {t('submissions.documents.accepted')}
          </Typography.Text>
        </div>
      ) : null}
      {error ? (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 8 }}
          title={error[0]}
          description={error.length > 1 ? error.slice(1).join(' ') : undefined}
          data-testid={`upload-error-${r.key}`}
        />
      ) : null}
    </li>
  );
}

/** The heading that tells how a block of documents is to be handed in. */
function blockHeading(block: RequirementBlock, t: (k: string, o?: Record<string, unknown>) => string): { title: string; hint: string | null } {
  switch (block.kind) {
    case 'required':
      return { title: t('submissions.documents.required'), hint: null };
    case 'one-of':
      return { title: block.label ?? t('submissions.documents.oneOf'), hint: t('submissions.documents.oneOfHint') };
    case 'conditional':
      return { title: t('submissions.documents.conditional', { condition: block.condition ?? block.label ?? '' }), hint: t('submissions.documents.conditionalHint') };
    case 'to-present':
      return { title: block.label ?? t('submissions.documents.toPresent'), hint: t('submissions.documents.toPresentHint') };
  }
}

/**
 * The procedure's required documents grouped as the catalog says (D16): to attach, one of, only in a declared case, to
 * present (a scan may be attached for the check), with each one's status and files and what /missing says of it.
 */
export function RequirementsList({
  requirements,
  problems,
  actions,
  thumbnails,
}: {
  requirements: Requirement[];
  problems: SubmissionProblem[];
  actions?: RequirementActions;
  /** Images shown small under their link (the desk's review). */
  thumbnails?: boolean;
}) {
  const { t } = useTranslation();
  const blocks = requirementBlocks(requirements);
  return (
    <Flex vertical gap={12} data-testid="requirements">
      {blocks.map((block, i) => {
        const { title, hint } = blockHeading(block, t);
        const groupProblems = block.kind === 'required' ? [] : problems.filter((p) => p.path === `groups.${block.groupKey}`);
        return (
          <Card
            key={block.kind === 'required' ? `required-${i}` : block.groupKey}
            size="small"
            type="inner"
            title={
              <span className="wrap-anywhere" style={{ whiteSpace: 'normal' }}>
                {title}
              </span>
            }
            data-testid={block.kind === 'required' ? 'block-required' : `block-${block.groupKey}`}
          >
            {hint ? (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {hint}
              </Typography.Paragraph>
            ) : null}
            {groupProblems.map((p) => (
              <Typography.Text key={p.code} type="danger" style={{ display: 'block' }}>
                {p.message}
              </Typography.Text>
            ))}
            <ul style={{ margin: 0, padding: 0 }}>
              {block.items.map((r) => (
                <RequirementRow key={r.key} r={r} problems={problemsOf(problems, r).filter((p) => p.path.startsWith('documents.'))} actions={actions} thumbnails={thumbnails} />
              ))}
            </ul>
          </Card>
        );
      })}
    </Flex>
  );
}
