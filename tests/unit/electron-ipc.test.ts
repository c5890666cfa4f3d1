import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Call } from '../../main/core/rpc/dispatcher';
import { registerRpc } from '../../main/electron/ipc';
import { rendererSource } from '../../main/electron/origin';

type Handler = (event: unknown, method: unknown, payload: unknown) => unknown;
const { handlers } = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));
vi.mock('electron', () => ({ ipcMain: { handle: (channel: string, fn: Handler) => handlers.set(channel, fn) } }));

const source = rendererSource('/app/out', undefined);
const pageUrl = 'file:///app/out/renderer/index.html#/org';
const mainFrame = { frameToken: 'top', url: pageUrl };
const win = { webContents: { id: 1, mainFrame } };
const calls: Call[] = [];
const recordingDispatch = (call: Call) => {
  calls.push(call);
  return { ok: true as const, data: 'done' };
};
let dispatch: typeof recordingDispatch = recordingDispatch;

beforeEach(() => {
  handlers.clear();
  calls.length = 0;
  dispatch = recordingDispatch;
  registerRpc(
    (call) => dispatch(call),
    source,
    () => win as never,
  );
});

const invoke = (event: unknown, method: unknown, payload: unknown) =>
  handlers.get('zongzhi:rpc')!(event, method, payload);
const fromPage = { sender: { id: 1 }, senderFrame: { ...mainFrame } }; // a fresh wrapper of the same frame

describe('the IPC carrier', () => {
  it('passes method, input and session to the dispatcher and returns its result', () => {
    const result = invoke(fromPage, 'org.tree', { input: { a: 1 }, session: 'tok' });
    expect(result).toEqual({ ok: true, data: 'done' });
    expect(calls).toEqual([{ method: 'org.tree', input: { a: 1 }, session: 'tok' }]);
  });

  it('refuses callers other than our window’s top frame showing our page', () => {
    for (const event of [
      { sender: { id: 1 }, senderFrame: null },
      { sender: { id: 1 }, senderFrame: { frameToken: 'sub', url: pageUrl } }, // a subframe showing our URL
      { sender: { id: 2 }, senderFrame: { ...mainFrame } }, // another window
      { sender: { id: 1 }, senderFrame: { frameToken: 'top', url: 'https://example.com/' } },
    ]) {
      expect(invoke(event, 'org.tree', { input: {} })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(calls).toEqual([]);
  });

  it('answers malformed calls with a Chinese VALIDATION error instead of throwing', () => {
    for (const [method, payload] of [
      [42, { input: {} }],
      ['', { input: {} }],
      ['org.tree', null],
      ['org.tree', 'x'],
      ['org.tree', [1]],
      ['org.tree', { input: {}, session: 7 }],
    ] as const) {
      const result = invoke(fromPage, method, payload) as { ok: false; error: { code: string; message: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('VALIDATION');
      expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(calls).toEqual([]);
  });

  it('turns a dispatcher crash into an INTERNAL result', () => {
    dispatch = () => {
      throw new Error('boom');
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(invoke(fromPage, 'org.tree', { input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
