import { Checkbox, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSON_ID_PATTERN } from './dossiers.types';
import type { IntakeFormValues } from './intake-form';

const PHONE_PATTERN = /^\+?[0-9 .-]{8,20}$/;

/** Optional block of the desk form (one field a line: it sits in the narrow side column): the person who hands the dossier in for the applicant (Mẫu 01 "trường hợp ủy quyền"). */
export function SubmitterFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IntakeFormValues>();
  const authorised = (Form.useWatch(['submitter', 'authorised'], form) as boolean | undefined) ?? false;
  return (
    <div data-testid="submitter-fields">
      <Form.Item name={['submitter', 'authorised']} valuePropName="checked" style={{ marginBottom: authorised ? 12 : 0 }}>
        <Checkbox>{t('dossiers.intake.submitter.authorised')}</Checkbox>
      </Form.Item>
      {authorised ? (
        <>
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item
                name={['submitter', 'name']}
                label={t('dossiers.intake.submitter.name')}
                rules={[{ required: true, whitespace: true, message: t('dossiers.intake.submitter.nameRequired') }]}
              >
                <Input autoComplete="off" maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name={['submitter', 'idNumber']}
                label={t('dossiers.intake.submitter.idNumber')}
                rules={[{ pattern: PERSON_ID_PATTERN, message: t('dossiers.intake.personIdInvalid') }]}
              >
                <Input autoComplete="off" inputMode="numeric" maxLength={12} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={24}>
              <Form.Item name={['submitter', 'phone']} label={t('dossiers.intake.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('dossiers.intake.phoneInvalid') }]}>
                <Input autoComplete="off" maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name={['submitter', 'email']} label={t('dossiers.intake.email')} rules={[{ type: 'email', message: t('common.validation.email') }]}>
                <Input autoComplete="off" maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name={['submitter', 'address']} label={t('dossiers.intake.address')}>
            <Input autoComplete="off" maxLength={500} />
          </Form.Item>
          <Form.Item name={['submitter', 'authorisationDocument']} label={t('dossiers.intake.submitter.authorisationDocument')} style={{ marginBottom: 0 }}>
            <Input autoComplete="off" maxLength={500} placeholder={t('dossiers.intake.submitter.authorisationDocumentPlaceholder')} />
          </Form.Item>
        </>
      ) : null}
    </div>
  );
}
