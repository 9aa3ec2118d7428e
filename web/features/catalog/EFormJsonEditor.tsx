import { Button, Collapse, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type ApiFieldError } from '../../app/api';
import type { EFormDefinition } from './catalog.types';
import { EFormFields } from './EFormFields';
import { localText, parseEFormJson } from './eform-rules';

/** The form field that holds the e-form as JSON text. */
export const EFORM_JSON_FIELD = 'eFormJson';

/** A starting point for a new e-form: one section, one pre-filled name field, the declaration tick box. */
const SKELETON = {
  formatVersion: 1,
  title: { vi: 'Tờ khai …', en: 'Declaration …' },
  basis: null,
  sections: [
    {
      key: 'requester',
      title: { vi: 'Người yêu cầu', en: 'Requester' },
      fields: [
        { key: 'requesterName', type: 'text', label: { vi: 'Họ, chữ đệm và tên', en: 'Full name' }, required: true, prefill: 'fullName', validation: { maxLength: 100 } },
        {
          key: 'commitment',
          type: 'checkbox',
          label: { vi: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật.', en: 'I declare that the above is true.' },
          required: true,
        },
      ],
    },
  ],
};

/**
 * Puts the server's refusals of the e-form (paths `body.eForm…`) on the JSON editor, each prefixed with where in the
 * JSON it is, and returns the error without them for the page's usual handling (null when nothing else is left).
 */
export function takeEFormErrors(error: unknown, setErrors: (errors: string[]) => void): unknown {
  if (!(error instanceof ApiError)) return error;
  const mine = (f: ApiFieldError) => f.path === 'body.eForm' || f.path.startsWith('body.eForm.');
  const eForm = error.fields.filter(mine);
  if (eForm.length === 0) return error;
  setErrors(eForm.map((f) => `${f.path.slice('body.eForm'.length).replace(/^\./, '') || '—'}: ${f.message}`));
  const rest = error.fields.filter((f) => !mine(f));
  return rest.length > 0 ? new ApiError(error.status, error.code, error.message, rest, error.requestId) : null;
}

/**
 * The version's e-form as JSON (a simple editor: the server validates the structure and answers with each mistake's
 * place), a skeleton to start from, and a preview of the saved form as citizens will see it.
 */
export function EFormJsonEditor({ saved, editable }: { saved: EFormDefinition | null; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const text = Form.useWatch(EFORM_JSON_FIELD, form) as string | undefined;
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('catalog.eformEditor.hint')}
      </Typography.Paragraph>
      <Form.Item
        name={EFORM_JSON_FIELD}
        label={t('catalog.eformEditor.label')}
        extra={t('catalog.eformEditor.extra')}
        rules={[
          {
            validator: async (_rule, value: string | undefined) => {
              try {
                parseEFormJson(value);
              } catch (err) {
                throw new Error(t('catalog.eformEditor.invalidJson', { reason: (err as Error).message }));
              }
            },
          },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 30 }} spellCheck={false} style={{ fontFamily: 'monospace', fontSize: 13 }} data-testid="eform-json" />
      </Form.Item>
      {editable && !text?.trim() ? (
        <div>
          <Button onClick={() => form.setFieldValue(EFORM_JSON_FIELD, JSON.stringify(SKELETON, null, 2))}>{t('catalog.eformEditor.insertSkeleton')}</Button>
        </div>
      ) : null}
      {saved ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'preview',
              label: t('catalog.eformEditor.preview'),
              children: (
                // A form of its own (no <form> element inside the editor's), so the preview never mixes with the version.
                <Form layout="vertical" component={false}>
                  <Typography.Title level={4} style={{ marginTop: 0 }}>
                    {localText(saved.title, i18n.language)}
                  </Typography.Title>
                  <EFormFields definition={saved} name={['preview']} />
                </Form>
              ),
            },
          ]}
        />
      ) : null}
    </Flex>
  );
}
