import dayjs from 'dayjs';

/** An instant as the clerk reads it on screen (data stays ISO). */
export const formatTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
