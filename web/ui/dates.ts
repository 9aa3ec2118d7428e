import dayjs, { type Dayjs } from 'dayjs';

/** Legal dates travel as `YYYY-MM-DD`. */
export const toIsoDate = (d: Dayjs | null | undefined): string | undefined => (d ? d.format('YYYY-MM-DD') : undefined);

/** Shows a `YYYY-MM-DD` date the Vietnamese way (dd/MM/yyyy); empty when missing. */
export const formatDate = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('DD/MM/YYYY') : '');

/** Shows an instant in local time with minutes. */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dayjs(iso).format('DD/MM/YYYY HH:mm') : '');
