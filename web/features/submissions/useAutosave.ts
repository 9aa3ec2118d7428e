import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../app/api';
import { saveBodyOf, SUBMISSION_PARTS, type SubmissionFormValues, type SubmissionPart } from './submission-form';
import { saveSubmission, submissionKeys } from './submissions.api';
import type { SubmissionDetail } from './submissions.types';

/** Where the autosave stands: what the page announces next to the title. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error' | 'conflict';

/** How long typing may pause before the draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

/**
 * Saves the application's form as the citizen types: the parts changed since the last save, debounced, one request at a
 * time, each with the version last read. A stale version (another tab or device saved meanwhile) stops saving and
 * keeps what was typed on screen; the page then offers to keep it (saved over the other copy) or to load the stored one.
 */
export function useAutosave(detail: SubmissionDetail, form: FormInstance<SubmissionFormValues>) {
  const client = useQueryClient();
  const version = useRef(detail.version);
  const dirty = useRef(new Set<SubmissionPart>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<void> | null>(null);
  const blocked = useRef(false);
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<SubmissionDetail | null>(null);
  const id = detail.id;

  // Files attached or removed answer with the application as it now stands: its version is the one to save on.
  useEffect(() => {
    if (detail.version > version.current) version.current = detail.version;
  }, [detail.version]);

  const run = useCallback(async (): Promise<void> => {
    if (blocked.current || dirty.current.size === 0) return;
    const parts = [...dirty.current];
    dirty.current.clear();
    setStatus('saving');
    try {
      const saved = await saveSubmission(id, saveBodyOf(form.getFieldsValue(true) as SubmissionFormValues, parts, version.current));
      version.current = saved.version;
      client.setQueryData(submissionKeys.detail(id), saved);
      void client.invalidateQueries({ queryKey: submissionKeys.missing(id) });
      void client.invalidateQueries({ queryKey: submissionKeys.mine });
      setSavedAt(saved.updatedAt);
      setError(null);
      setStatus(dirty.current.size > 0 ? 'pending' : 'saved');
    } catch (err) {
      // Nothing typed is dropped: the parts are saved again with the next attempt.
      for (const p of parts) dirty.current.add(p);
      if (err instanceof ApiError && err.code === 'SUBMISSION_VERSION_CONFLICT') {
        blocked.current = true;
        setConflict(await api.get<SubmissionDetail>(`/api/v1/submissions/${id}`));
        setStatus('conflict');
        return;
      }
      setError(err instanceof ApiError ? err : null);
      setStatus('error');
    }
  }, [client, form, id]);

  /** Saves now what is pending, after any save under way; resolves when nothing is left (or saving is blocked). */
  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    while (inflight.current) await inflight.current;
    if (dirty.current.size === 0 || blocked.current) return;
    inflight.current = run().finally(() => {
      inflight.current = null;
    });
    await inflight.current;
  }, [run]);

  /** Records that parts changed and saves them after a pause in typing. */
  const changed = useCallback(
    (parts: SubmissionPart[]) => {
      if (parts.length === 0) return;
      for (const p of parts) dirty.current.add(p);
      if (blocked.current) return;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  /** Conflict: keep what is on screen, saved over the stored copy at its version. */
  const keepMine = useCallback(async () => {
    if (!conflict) return;
    version.current = conflict.version;
    for (const p of SUBMISSION_PARTS) dirty.current.add(p);
    blocked.current = false;
    setConflict(null);
    await flush();
  }, [conflict, flush]);

  /** Conflict: take the stored copy (what is on screen is replaced). */
  const takeStored = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    dirty.current.clear();
    blocked.current = false;
    client.setQueryData(submissionKeys.detail(id), conflict);
    void client.invalidateQueries({ queryKey: submissionKeys.missing(id) });
    setConflict(null);
    setStatus('saved');
    return conflict;
  }, [client, conflict, id]);

  // Leaving the page saves what is pending; closing the tab with unsaved typing asks first.
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 || inflight.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      void flush();
    };
  }, [flush]);

  return { status, savedAt, error, conflict, changed, flush, keepMine, takeStored, version };
}
