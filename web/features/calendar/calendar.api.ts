import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../app/api';
import type {
  CalendarStatusResponse,
  CalendarYearDetail,
  DueResponse,
  DurationUnit,
  EntryRequest,
  ImpactResponse,
  ListUnitHoursResponse,
  ListYearsResponse,
  OfficeHoursResponse,
  WeeklyHours,
  YearResponse,
} from './calendar.types';

const BASE = '/api/v1/calendar';
const ADMIN = `${BASE}/admin`;
/** Query keys of the calendar screens; every change invalidates `calendarKeys.all`. */
export const calendarKeys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'years', year] as const,
  officeHours: ['calendar', 'office-hours'] as const,
  unitHours: ['calendar', 'unit-hours'] as const,
  status: ['calendar', 'status'] as const,
};

/** Published and provisional years and the publish warning (administrators with calendar.manage only). */
export function useCalendarStatus(enabled: boolean) {
  return useQuery({ queryKey: calendarKeys.status, queryFn: ({ signal }) => api.get<CalendarStatusResponse>(`${BASE}/status`, undefined, signal), enabled });
}

/** Every year with its published version and its draft. */
export function useCalendarYears() {
  return useQuery({ queryKey: calendarKeys.years, queryFn: ({ signal }) => api.get<ListYearsResponse>(`${ADMIN}/years`, undefined, signal) });
}

/** One year with entries (404 when the year has neither a draft nor a published version). */
export function useCalendarYear(year: number | undefined) {
  return useQuery({
    queryKey: calendarKeys.year(year ?? 0),
    queryFn: ({ signal }) => api.get<YearResponse>(`${ADMIN}/years/${year}`, undefined, signal),
    enabled: year !== undefined,
  });
}

/** The province's office hours. */
export function useOfficeHours() {
  return useQuery({ queryKey: calendarKeys.officeHours, queryFn: ({ signal }) => api.get<OfficeHoursResponse>(`${ADMIN}/office-hours`, undefined, signal) });
}

/** Units with their own office hours. */
export function useUnitHours() {
  return useQuery({ queryKey: calendarKeys.unitHours, queryFn: ({ signal }) => api.get<ListUnitHoursResponse>(`${ADMIN}/unit-hours`, undefined, signal) });
}

function useCalendarMutation<TBody, TResult>(fn: (body: TBody) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: calendarKeys.all }) });
}

/** Generates the draft of a new year from the statutory days. */
export const useGenerateYear = () => useCalendarMutation((year: number) => api.post<CalendarYearDetail>(`${ADMIN}/years`, { year }));
/** Starts a revision (a new draft) of a published year. */
export const useStartRevision = () => useCalendarMutation((year: number) => api.post<CalendarYearDetail>(`${ADMIN}/years/${year}/revisions`));
/** Adds a day off or a make-up day to a draft. */
export const useAddEntry = () =>
  useCalendarMutation(({ year, entry }: { year: number; entry: EntryRequest }) => api.post<CalendarYearDetail>(`${ADMIN}/years/${year}/draft/entries`, entry));
/** Edits an entry of a draft. */
export const useUpdateEntry = () =>
  useCalendarMutation(({ year, id, entry }: { year: number; id: string; entry: EntryRequest }) => api.put<CalendarYearDetail>(`${ADMIN}/years/${year}/draft/entries/${id}`, entry));
/** Removes an entry from a draft. */
export const useRemoveEntry = () =>
  useCalendarMutation(({ year, id }: { year: number; id: string }) => apiRequest<CalendarYearDetail>('DELETE', `${ADMIN}/years/${year}/draft/entries/${id}`));
/** Discards a draft. */
export const useDiscardDraft = () => useCalendarMutation((year: number) => apiRequest<{ ok: true }>('DELETE', `${ADMIN}/years/${year}/draft`));
/** Publishes a draft once the administrator confirmed its impact. */
export const usePublishYear = () =>
  useCalendarMutation(({ year, ...body }: { year: number; reason: string; acknowledgedImpact: number; version: number }) =>
    api.post<CalendarYearDetail>(`${ADMIN}/years/${year}/draft/publish`, body),
  );
/** Changes the province's office hours once the administrator confirmed the impact. */
export const useUpdateOfficeHours = () =>
  useCalendarMutation((body: { weeklyHours: WeeklyHours; reason: string; acknowledgedImpact: number }) => api.put<OfficeHoursResponse>(`${ADMIN}/office-hours`, body));
/** Sets (or with null hours removes) a unit's own office hours. */
export const useUpdateUnitHours = () =>
  useCalendarMutation(({ code, ...body }: { code: string; weeklyHours: WeeklyHours | null; label?: string; reason: string; acknowledgedImpact: number }) =>
    api.put<ListUnitHoursResponse>(`${ADMIN}/unit-hours/${encodeURIComponent(code)}`, body),
  );

/** What publishing a year's draft would move. */
export const fetchYearImpact = (year: number) => api.get<ImpactResponse>(`${ADMIN}/years/${year}/draft/impact`);
/** What new province office hours would move. */
export const fetchOfficeHoursImpact = (weeklyHours: WeeklyHours) => api.post<ImpactResponse>(`${ADMIN}/office-hours/impact`, { weeklyHours });
/** What a unit's new (or removed) office hours would move. */
export const fetchUnitHoursImpact = (code: string, weeklyHours: WeeklyHours | null) =>
  api.post<ImpactResponse>(`${ADMIN}/unit-hours/${encodeURIComponent(code)}/impact`, { weeklyHours });

/** The desk calculator: due instant on the published calendar. */
export const fetchDue = (query: { start: string; amount: number; unit: DurationUnit; orgUnit?: string }) => api.get<DueResponse>(`${BASE}/due`, query);
