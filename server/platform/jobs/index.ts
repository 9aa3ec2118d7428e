export { declareJob, registerJob, registerDeclaredJob, registeredJobs, sendJob, sendJobSoon, startJobs, jobsStarted, type JobPayloads, type JobName, type JobHandler, type JobDeclaration, type JobContext, type JobOptions, type JobRunner, type StartJobsOptions, type SendJobOptions } from './jobs';
export { loadJobsConfig, type JobsConfig } from './jobs.config';
