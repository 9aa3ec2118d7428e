import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api';
import type {
  CommitmentIndicators,
  FeedbackIndicatorBreakdownBy,
  FeedbackIndicators,
  OfficialDocumentIndicators,
  IndicatorBreakdown,
  IndicatorBreakdownBy,
  IndicatorDossiers,
  IndicatorSummary,
  OpenData,
  Scorecard,
} from '../../../contracts/dashboards/dashboards.contracts';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';

/** What the page asks: a unit's code, a period of legal dates, with or without the units below it. */
export interface IndicatorFilter {
  unit: string;
  from: string;
  to: string;
  subtree: boolean;
  /** Only this procedure's (code) or this field's dossiers and ratings. */
  procedure?: string;
  field?: string;
}

/** The query parameters of a filter (the API reads `subtree` as 'true' / 'false'). */
const asQuery = (filter: IndicatorFilter) => ({ ...filter, subtree: String(filter.subtree) });

/** A unit's indicators over a period (GET /api/v1/indicators/summary). */
export function useIndicatorSummary(filter: IndicatorFilter | null) {
  return useQuery({
    queryKey: ['indicators', 'summary', filter],
    queryFn: ({ signal }) => api.get<IndicatorSummary>('/api/v1/indicators/summary', asQuery(filter!), signal),
    enabled: filter !== null,
  });
}

/** The dossiers behind one number (GET /api/v1/indicators/dossiers), a page at a time by cursor. */
export function useIndicatorDossiers(filter: IndicatorFilter | null, measure: IndicatorMeasure | null) {
  return useInfiniteQuery({
    queryKey: ['indicators', 'dossiers', filter, measure],
    queryFn: ({ pageParam, signal }) =>
      api.get<IndicatorDossiers>('/api/v1/indicators/dossiers', { ...asQuery(filter!), measure: measure!, pageSize: 20, after: pageParam ?? undefined }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: filter !== null && measure !== null,
  });
}

/**
 * The summary split by the units below or by month: the officers' (GET /api/v1/indicators/breakdown) or, on the public
 * page, anyone's (GET /api/v1/public/indicators/breakdown): the same rows.
 */
export function useIndicatorBreakdown(filter: IndicatorFilter | null, by: IndicatorBreakdownBy, audience: 'officer' | 'public' = 'officer') {
  const path = audience === 'public' ? '/api/v1/public/indicators/breakdown' : '/api/v1/indicators/breakdown';
  return useQuery({
    queryKey: ['indicators', 'breakdown', audience, by, filter],
    queryFn: ({ signal }) => api.get<IndicatorBreakdown>(path, { ...asQuery(filter!), by }, signal),
    enabled: filter !== null,
  });
}

/** Decision 766's scorecard of a unit over a period (GET /api/v1/indicators/scorecard). */
export function useScorecard(filter: IndicatorFilter | null) {
  return useQuery({
    queryKey: ['indicators', 'scorecard', filter],
    // The scorecard scores whole units: it takes no procedure or field.
    queryFn: ({ signal }) => api.get<Scorecard>('/api/v1/indicators/scorecard', asQuery({ ...filter!, procedure: undefined, field: undefined }), signal),
    enabled: filter !== null,
  });
}

/** The Excel workbook of a query (GET /api/v1/indicators/export): summary, units below and months, totals as on screen. */
export const indicatorExportUrl = (filter: IndicatorFilter): string => withQuery('/api/v1/indicators/export', asQuery(filter));

/**
 * The periodic report "Tình hình, kết quả giải quyết TTHC" of the filter's unit and period (GET
 * /api/v1/indicators/report.xlsx): every field, so the narrowing to a field or procedure is not sent.
 */
export const periodReportUrl = (filter: IndicatorFilter): string =>
  withQuery('/api/v1/indicators/report.xlsx', { unit: filter.unit, from: filter.from, to: filter.to, subtree: String(filter.subtree) });

/** A year of every unit's numbers month by month (GET /api/v1/public/indicators/open-data). */
export function useOpenData(year: number) {
  return useQuery({
    queryKey: ['indicators', 'open-data', year],
    queryFn: ({ signal }) => api.get<OpenData>('/api/v1/public/indicators/open-data', { year, format: 'json' }, signal),
  });
}

/** The open data's download addresses (the same rows as CSV or JSON). */
export const openDataUrl = (year: number, format: 'csv' | 'json'): string => withQuery('/api/v1/public/indicators/open-data', { year, format });

/** Feedback and petitions of a unit over a period, split by `by` (GET /api/v1/indicators/feedback; issue 14 item 6). */
export function useFeedbackIndicators(filter: IndicatorFilter, by: FeedbackIndicatorBreakdownBy) {
  // The feedback numbers are not narrowed by procedure or field: they have their own split by procedure.
  const { unit, from, to, subtree } = filter;
  return useQuery({
    queryKey: ['indicators', 'feedback', by, unit, from, to, subtree],
    queryFn: ({ signal }) => api.get<FeedbackIndicators>('/api/v1/indicators/feedback', { unit, from, to, subtree: String(subtree), by }, signal),
  });
}

/** Dialogue commitments owned by the unit (or its subtree), made in the period (GET /api/v1/indicators/commitments). */
export function useCommitmentIndicators(filter: IndicatorFilter) {
  const { unit, from, to, subtree } = filter;
  return useQuery({
    queryKey: ['indicators', 'commitments', unit, from, to, subtree],
    queryFn: ({ signal }) => api.get<CommitmentIndicators>('/api/v1/indicators/commitments', { unit, from, to, subtree: String(subtree) }, signal),
  });
}

/** Official documents of the unit (or its subtree) in the period, by body (GET /api/v1/indicators/documents; issue 15). */
export function useDocumentIndicators(filter: IndicatorFilter) {
  const { unit, from, to, subtree } = filter;
  return useQuery({
    queryKey: ['indicators', 'documents', unit, from, to, subtree],
    queryFn: ({ signal }) => api.get<OfficialDocumentIndicators>('/api/v1/indicators/documents', { unit, from, to, subtree: String(subtree) }, signal),
  });
}
