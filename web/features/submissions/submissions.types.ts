// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
export type {
  AttachFilesResponse,
  Completeness,
  DeskDecisionRequest,
  DeskQueueItem,
  DeskQueueQuery,
  DeskQueueResponse,
  ListMySubmissionsResponse,
  Requirement,
  SaveSubmissionRequest,
  StartSubmissionRequest,
  SubmissionDecisionView,
  SubmissionDetail,
  SubmissionDossierView,
  SubmissionFile,
  SubmissionProblem,
  SubmissionState,
  SubmissionSummary,
} from '../../../contracts/submissions/submissions.contracts';
export type { ListReceptionDesksResponse } from '../../../contracts/submissions/submissions.contracts';

// The contract's value lists (a zod-free module, so the bundle does not pull zod in).
export { DESK_DECISIONS, SUBMISSION_STATES } from '../../../contracts/submissions/submissions.values';
