import { Checkbox, Col, Form, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERSON_ID_PATTERN, TAX_CODE_PATTERN } from './dossiers.types';
import type { IntakeFormValues } from './intake-form';
import { NOTIFICATION_CHANNELS } from '../../../contracts/notifications/notifications.contracts';

const PHONE_PATTERN = /^\+?[0-9 .-]{8,20}$/;

/** Applicant block of the desk form: person/organisation, name, citizen ID or tax code, phone, e-mail, address. */
export function ApplicantFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<IntakeFormValues>();
  const kind = Form.useWatch(['applicant', 'kind'], form) ?? 'person';
  const person = kind === 'person';

  return (
    <>
      <Form.Item name={['applicant', 'kind']} label={t('dossiers.intake.applicantKind')}>
        <Radio.Group
          name="applicant-kind"
          onChange={() => {
            // The ID rule depends on the kind: re-check what was already typed.
            if (form.getFieldValue(['applicant', 'idNumber'])) void form.validateFields([['applicant', 'idNumber']]).catch(() => undefined);
          }}
          options={[
            { value: 'person', label: t('dossiers.applicantKinds.person') },
            { value: 'organisation', label: t('dossiers.applicantKinds.organisation') },
          ]}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={14}>
          <Form.Item
            name={['applicant', 'name']}
            label={person ? t('dossiers.intake.personName') : t('dossiers.intake.organisationName')}
            rules={[{ required: true, whitespace: true, message: t('dossiers.intake.nameRequired') }]}
          >
            <Input autoComplete="off" maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24} md={10}>
          <Form.Item
            name={['applicant', 'idNumber']}
            label={person ? t('dossiers.intake.personId') : t('dossiers.intake.taxCode')}
            rules={[
              { required: true, message: person ? t('dossiers.intake.personIdInvalid') : t('dossiers.intake.taxCodeInvalid') },
              {
                validator: (_, v: string | undefined) =>
                  !v || (person ? PERSON_ID_PATTERN : TAX_CODE_PATTERN).test(v.trim())
                    ? Promise.resolve()
                    : Promise.reject(new Error(person ? t('dossiers.intake.personIdInvalid') : t('dossiers.intake.taxCodeInvalid'))),
              },
            ]}
          >
            <Input autoComplete="off" inputMode="numeric" maxLength={14} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['applicant', 'phone']} label={t('dossiers.intake.phone')} rules={[{ pattern: PHONE_PATTERN, message: t('dossiers.intake.phoneInvalid') }]}>
            <Input autoComplete="off" inputMode="tel" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={['applicant', 'email']} label={t('dossiers.intake.email')} rules={[{ type: 'email', message: t('common.validation.email') }]}>
            <Input autoComplete="off" inputMode="email" maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={['applicant', 'address']} label={t('dossiers.intake.address')}>
        <Input autoComplete="off" maxLength={500} />
      </Form.Item>
      {/* D32: the applicant's choice travels with the dossier to every later message. */}
      <Form.Item name={['applicant', 'notifyChannels']} label={t('dossiers.intake.notifyChannels')} extra={t('dossiers.intake.notifyChannelsHelp')}>
        <Checkbox.Group options={NOTIFICATION_CHANNELS.map((c) => ({ value: c, label: t(`notifications.channels.${c}`) }))} data-testid="applicant-notify-channels" />
      </Form.Item>
    </>
  );
}
