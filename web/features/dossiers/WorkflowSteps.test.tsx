import { describe, expect, it } from 'vitest';
import { stepStatuses } from './WorkflowSteps';

describe('stepStatuses', () => {
  const workflow = [0, 1, 2, 3].map((index) => ({ index, isReturnStep: index === 3 })) as Parameters<typeof stepStatuses>[0]['workflow'];

  it('marks the steps before the current one finished and the current one in progress', () => {
    expect(stepStatuses({ state: 'PROCESSING', currentStep: 1, workflow })).toEqual(['finish', 'process', 'wait', 'wait']);
  });
  it('puts a ready result at the return step and finishes everything once returned', () => {
    expect(stepStatuses({ state: 'DONE', currentStep: 2, workflow })).toEqual(['finish', 'finish', 'finish', 'process']);
    expect(stepStatuses({ state: 'RETURNED', currentStep: 2, workflow })).toEqual(['finish', 'finish', 'finish', 'finish']);
  });
  it('shows where a stopped or withdrawn dossier ended', () => {
    expect(stepStatuses({ state: 'STOPPED', currentStep: 1, workflow })).toEqual(['finish', 'error', 'wait', 'wait']);
  });
});
