import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, EditOutlined, SoundOutlined, StopOutlined } from '@ant-design/icons';
import type { DialogueSessionState } from '../../../contracts/dialogues/dialogues.contracts';

/** antd colour of each state; the icon and the words carry the meaning too. */
const COLOR: Record<DialogueSessionState, string> = { DRAFT: 'default', ANNOUNCED: 'blue', HELD: 'geekblue', CLOSED: 'green', CANCELLED: 'red' };

const ICON: Record<DialogueSessionState, ReactNode> = {
  DRAFT: <EditOutlined aria-hidden />,
  ANNOUNCED: <SoundOutlined aria-hidden />,
  HELD: <ClockCircleOutlined aria-hidden />,
  CLOSED: <CheckCircleOutlined aria-hidden />,
  CANCELLED: <StopOutlined aria-hidden />,
};

/** A session's state as a tag, in the words the server sent (`stateText`, in the reader's language). */
export function SessionStateTag({ state, text, testId }: { state: DialogueSessionState; text: string; testId?: string }) {
  return (
    <Tag color={COLOR[state]} icon={ICON[state]} data-state={state} data-testid={testId} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
