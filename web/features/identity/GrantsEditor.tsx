import { Button, Flex, Form, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ROLES } from './identity.types';
import { OrgUnitTreeSelect } from './OrgUnitTreeSelect';

/** Editable list of role grants (role + unit) inside an officer form, bound to the `grants` field. */
export function GrantsEditor() {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('common.validation.required') }];
  return (
    <Form.List
      name="grants"
      rules={[{ validator: async (_, grants?: unknown[]) => (grants && grants.length > 0 ? undefined : Promise.reject(new Error(t('identity.officers.grantsRequired')))) }]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="start" wrap data-testid={`grant-${index}`}>
              <Form.Item name={[field.name, 'role']} rules={required} style={{ flex: '1 1 180px', marginBottom: 8 }}>
                <Select
                  placeholder={t('identity.officers.role')}
                  aria-label={t('identity.officers.grantRole', { n: index + 1 })}
                  options={ROLES.map((r) => ({ value: r, label: t(`identity.roles.${r}`) }))}
                  data-testid={`grant-role-${index}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'orgUnitId']} rules={required} style={{ flex: '2 1 220px', marginBottom: 8 }}>
                <OrgUnitTreeSelect allowClear={false} aria-label={t('identity.officers.grantUnit', { n: index + 1 })} data-testid={`grant-unit-${index}`} />
              </Form.Item>
              <Button icon={<DeleteOutlined />} aria-label={t('identity.officers.removeGrant', { n: index + 1 })} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            {t('identity.officers.addGrant')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}
