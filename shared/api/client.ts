import { ApiError, type RpcResult } from '../errors';
import type { InputOf, MethodTable, OutputOf } from './define';

/** A carrier: Electron IPC, HTTP on loopback, or a direct call. */
export type Transport = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

type Namespace<K> = K extends `${infer NS}.${string}` ? NS : never;

/** `api.org.createGrid(input)` for the table key 'org.createGrid'; a renamed method fails to compile. */
export type Client<T extends MethodTable> = {
  [NS in Namespace<keyof T>]: {
    [K in keyof T as K extends `${NS}.${infer M}` ? M : never]: (input: InputOf<T[K]>) => Promise<OutputOf<T[K]>>;
  };
};

export function createClient<T extends MethodTable>(table: T, transport: Transport): Client<T> {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(table)) {
    const [ns, m] = name.split('.') as [string, string];
    client[ns] ??= {};
    client[ns][m] = async (input: unknown) => {
      const result = await transport(name, input ?? {});
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.data;
    };
  }
  return client as Client<T>;
}
