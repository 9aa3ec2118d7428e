import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, EditOutlined, InboxOutlined, MergeCellsOutlined, PauseCircleOutlined, StopOutlined } from '@ant-design/icons';
import type { FeedbackState } from './feedback.types';

/** antd colour of each state; the icon and the words carry the meaning too. */
const COLOR: Record<FeedbackState, string> = {
  NEW: 'blue',
  IN_PROGRESS: 'geekblue',
  INFO_REQUESTED: 'gold',
  AWAITING_APPROVAL: 'purple',
  ANSWERED: 'green',
  OUT_OF_SCOPE: 'default',
  MERGED: 'default',
};

const ICON: Record<FeedbackState, ReactNode> = {
  NEW: <InboxOutlined aria-hidden />,
  IN_PROGRESS: <ClockCircleOutlined aria-hidden />,
  INFO_REQUESTED: <PauseCircleOutlined aria-hidden />,
  AWAITING_APPROVAL: <EditOutlined aria-hidden />,
  ANSWERED: <CheckCircleOutlined aria-hidden />,
  OUT_OF_SCOPE: <StopOutlined aria-hidden />,
  MERGED: <MergeCellsOutlined aria-hidden />,
};

/** An item's state as a tag, in the words the server sent (`stateText`, in the reader's language). */
export function FeedbackStateTag({ state, text, testId }: { state: FeedbackState; text: string; testId?: string }) {
  return (
    <Tag color={COLOR[state]} icon={ICON[state]} data-state={state} data-testid={testId} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}
