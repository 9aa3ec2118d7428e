// Domain events of the dialogues module, published after commit for other modules (the reform plan picks commitments
// up as tasks, issue 14 item 5).

/** A commitment was made in an answer at a dialogue session. */
export interface CommitmentMadeEvent {
  commitmentId: string;
  sessionId: string;
  questionId: string;
  ownerUnitId: string;
  text: string;
  /** ISO instants with the +07:00 offset. */
  madeAt: string;
  dueAt: string;
}

declare module '../../platform/events/event-bus' {
  interface DomainEvents {
    'dialogues.commitment-made': CommitmentMadeEvent;
  }
}
