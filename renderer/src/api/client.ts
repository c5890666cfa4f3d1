import { apiTable } from '../../../shared/api';
import { createClient, type Transport } from '../../../shared/api/client';
import { expireSession } from './session';
import { pickTransport } from './transport';

const carrier = pickTransport();

/** Any refused session, from any call, sends the user back to the login page. */
const transport: Transport = async (method, input) => {
  const result = await carrier(method, input);
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') expireSession();
  return result;
};

/** The typed client: `api.org.createGrid(input)`; failures throw ApiError with a Chinese message. */
export const api = createClient(apiTable, transport);
