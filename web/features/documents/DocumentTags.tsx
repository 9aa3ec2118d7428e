import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, EditOutlined, FileDoneOutlined, InboxOutlined, SendOutlined, ThunderboltOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Confidentiality, IncomingState, OutgoingState, Urgency } from '../../../contracts/documents/documents.contracts';

const TAG_STYLE = { whiteSpace: 'normal', marginInlineEnd: 0 } as const;

/** antd colour and icon of each state; the words carry the meaning too. */
const INCOMING: Record<IncomingState, { color: string; icon: ReactNode }> = {
  REGISTERED: { color: 'gold', icon: <InboxOutlined aria-hidden /> },
  ASSIGNED: { color: 'blue', icon: <UserSwitchOutlined aria-hidden /> },
  DONE: { color: 'green', icon: <CheckCircleOutlined aria-hidden /> },
};

const OUTGOING: Record<OutgoingState, { color: string; icon: ReactNode }> = {
  DRAFT: { color: 'default', icon: <EditOutlined aria-hidden /> },
  IN_REVIEW: { color: 'gold', icon: <ClockCircleOutlined aria-hidden /> },
  SIGNED: { color: 'blue', icon: <FileDoneOutlined aria-hidden /> },
  ISSUED: { color: 'green', icon: <SendOutlined aria-hidden /> },
};

/** An incoming document's state as a tag. */
export function IncomingStateTag({ state, testId }: { state: IncomingState; testId?: string }) {
  const { t } = useTranslation();
  const s = INCOMING[state];
  return (
    <Tag color={s.color} icon={s.icon} data-state={state} data-testid={testId} style={TAG_STYLE}>
      {t(`documents.incomingStates.${state}`)}
    </Tag>
  );
}

/** An outgoing document's state as a tag. */
export function OutgoingStateTag({ state, testId }: { state: OutgoingState; testId?: string }) {
  const { t } = useTranslation();
  const s = OUTGOING[state];
  return (
    <Tag color={s.color} icon={s.icon} data-state={state} data-testid={testId} style={TAG_STYLE}>
      {t(`documents.outgoingStates.${state}`)}
    </Tag>
  );
}

const URGENCY_COLOR: Record<Urgency, string> = { normal: 'default', urgent: 'orange', 'very-urgent': 'volcano', flash: 'red' };

/** Độ khẩn as a tag; "thường" is shown plainly, the others stand out (with an icon, not the colour alone). */
export function UrgencyTag({ urgency, testId }: { urgency: Urgency; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={URGENCY_COLOR[urgency]} icon={urgency === 'normal' ? undefined : <ThunderboltOutlined aria-hidden />} data-urgency={urgency} data-testid={testId} style={TAG_STYLE}>
      {t(`documents.urgency.${urgency}`)}
    </Tag>
  );
}

/** Độ mật as a tag, shown only when the document is confidential. */
export function ConfidentialityTag({ level, testId }: { level: Confidentiality; testId?: string }) {
  const { t } = useTranslation();
  if (level === 'normal') return null;
  return (
    <Tag color="purple" data-confidentiality={level} data-testid={testId} style={TAG_STYLE}>
      {t(`documents.confidentiality.${level}`)}
    </Tag>
  );
}
