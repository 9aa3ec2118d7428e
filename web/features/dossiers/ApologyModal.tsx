import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useApology } from './dossiers.api';
import { formatAppointment, toVnIso, vnParts } from './dossiers.format';
import type { DossierDetail } from './dossiers.types';
import { ActionModal } from './ActionModal';

interface ApologyValues {
  reason: string;
  newDue: Dayjs | null;
}

/**
 * Mẫu 04 — apology and extension (§3.1 step 6, §19.7): the handling agency's head states the reason and a new return
 * date after the current due; allowed once, no later than 1 working day before the due (the server checks).
 */
export function ApologyModal({ dossier: d, open, onClose, onReload }: { dossier: DossierDetail; open: boolean; onClose: () => void; onReload: () => Promise<unknown> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApologyValues>();
  const mutation = useApology(d.id);
  const dueDay = vnParts(d.effectiveDueAt).date;

  return (
    <ActionModal<ApologyValues>
      name="apology"
      open={open}
      title={t('dossiers.apology.title')}
      form={form}
      onClose={onClose}
      onReload={onReload}
      onSubmit={(v) =>
        mutation.mutateAsync({
          expectedVersion: d.version,
          reason: v.reason.trim(),
          // The picked wall-clock time is Hà Nội time (§19 row 1), whatever the browser's zone.
          newDueAt: toVnIso(v.newDue!.format('YYYY-MM-DD'), v.newDue!.format('HH:mm')),
        })
      }
      okText={t('dossiers.apology.submit')}
      rename={{ newDueAt: 'newDue' }}
      testId="apology-modal"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('dossiers.apology.rule')}
        description={t('dossiers.apology.currentDue', { due: formatAppointment(t, d.effectiveDueAt) })}
      />
      <Form.Item name="reason" label={t('dossiers.apology.reason')} rules={[{ required: true, whitespace: true, message: t('dossiers.form.reasonRequired') }]}>
        <Input.TextArea rows={3} maxLength={4000} autoFocus />
      </Form.Item>
      <Form.Item name="newDue" label={t('dossiers.apology.newDue')} rules={[{ required: true, message: t('dossiers.apology.newDueRequired') }]}>
        <DatePicker
          showTime={{ format: 'HH:mm', defaultValue: dayjs('17:00', 'HH:mm') }}
          format="DD/MM/YYYY HH:mm"
          needConfirm={false}
          disabledDate={(day) => day.format('YYYY-MM-DD') < dueDay}
          style={{ width: 240 }}
          data-testid="apology-new-due"
        />
      </Form.Item>
    </ActionModal>
  );
}
